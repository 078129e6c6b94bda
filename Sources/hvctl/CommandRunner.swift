import ArgumentParser
import FoundationEssentials
import HyperVKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// What a command needs to run: the machine, how to print, and the write seam.
struct CommandContext: Sendable {
    let machine: any Machine
    let json: Bool
    let color: Bool
    /// Opens the one writer every change goes through; called only by a command told to
    /// `--apply`. Tests pass a writer that records or fails; by default nothing can be written.
    var openWriter: @Sendable () throws(CommandFailure) -> any SysfsWriter = { () throws(CommandFailure) in
        throw CommandFailure("this machine cannot be written to", status: .usage)
    }
}

/// Everything a command produces, so tests can run it in-process and compare with golden files;
/// only `CommandRunner` prints.
struct CommandOutput: Sendable, Equatable {
    var stdout: String = ""
    /// One-line warnings and hints for stderr, printed as they are.
    var warnings: [String] = []
    /// The report's diagnostics: printed summarised (one line per kind, `DiagnosticSummary`)
    /// unless `--verbose`.
    var diagnostics: [Diagnostic] = []
    var status: ExitStatus = .success

    /// Adds the diagnostics of a report as stderr warnings.
    mutating func warn(_ diagnostics: [Diagnostic]) {
        self.diagnostics += diagnostics
    }

    /// Everything stderr says, as diagnostics, for a JSON document's `diagnostics` (issue 14: the
    /// JSON and stderr of one run say the same).
    var allDiagnostics: [Diagnostic] {
        diagnostics
            + warnings.map { line in
                var text = Substring(line)
                for prefix in ["hvctl: ", "warning: "] where text.hasPrefix(prefix) {
                    text = text.dropFirst(prefix.count)
                }
                return Diagnostic(source: .hvctl, message: String(text))
            }
    }

    /// What stderr gets: the diagnostics (each with --verbose, else summarised), then the other lines.
    func stderrLines(verbose: Bool) -> [String] {
        let lines = verbose ? diagnostics.map { "hvctl: \($0)" } : DiagnosticSummary.lines(diagnostics)
        return lines + warnings
    }
}

/// A command whose work is: build a report from a machine, render it.
protocol ReportCommand {
    var global: GlobalOptions { get }
    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput
}

extension ReportCommand {
    /// Opens the machine, runs `produce`, prints, and exits with the documented status.
    func runReport() throws {
        let output: CommandOutput
        do throws(CommandFailure) {
            let machine = try global.openMachine()
            let context = CommandContext(
                machine: machine, json: global.json, color: !global.json && global.useColor,
                openWriter: global.writerOpener)
            output = try produce(context)
        } catch {
            try CommandRunner.fail(error, json: global.json)
        }
        do throws(CommandFailure) {
            try Terminal.write(output.stdout)
        } catch {
            try CommandRunner.fail(error, json: false)
        }
        var stderrTook = true
        for line in output.stderrLines(verbose: global.verbose) where !Terminal.warn(line) { stderrTook = false }
        if output.status != .success { throw output.status.exitCode }
        // Warnings that could not be written are lost information: not a clean success.
        if !stderrTook { throw ExitStatus.ioError.exitCode }
    }
}

enum CommandRunner {
    /// Ends a run with a failure: one stderr line, and under --json one error document on stdout
    /// (issue 14: every command fails the same way, a script reads `error.exit_status`).
    static func fail(_ failure: CommandFailure, json: Bool) throws -> Never {
        Terminal.warn(line(for: failure))
        if json, let text = try? JSONOutput.render(ErrorDocument(failure: failure)) {
            try? Terminal.write(text)
        }
        throw failure.status.exitCode
    }

    /// `{"schema_version": 1, "error": {"message", "hint", "exit_status"}, "diagnostics": []}`.
    struct ErrorDocument: Encodable {
        var failure: CommandFailure

        enum CodingKeys: String, CodingKey {
            case schemaVersion = "schema_version"
            case error, diagnostics
        }

        enum ErrorKeys: String, CodingKey {
            case message, hint
            case exitStatus = "exit_status"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(1, forKey: .schemaVersion)
            var error = container.nestedContainer(keyedBy: ErrorKeys.self, forKey: .error)
            try error.encode(failure.message, forKey: .message)
            try error.encode(failure.hint, forKey: .hint)
            try error.encode(failure.status.rawValue, forKey: .exitStatus)
            try container.encode([Diagnostic](), forKey: .diagnostics)
        }
    }

    /// `hvctl: <message> (hint: <hint>)`: lowercase, no trailing period (docs/architecture.md ("Style")).
    static func line(for failure: CommandFailure) -> String {
        var line = "hvctl: \(failure.message)"
        if let hint = failure.hint { line += " (hint: \(hint))" }
        return line
    }

    /// Renders a report as JSON or text.
    static func render<Report: Encodable>(_ report: Report, context: CommandContext, text: () -> String)
        throws(CommandFailure)
        -> String
    {
        try render(report, json: context.json, text: text)
    }

    /// The same for a command that opens no machine (`snapshot --list`).
    static func render<Report: Encodable>(_ report: Report, json: Bool, text: () -> String)
        throws(CommandFailure)
        -> String
    {
        guard json else { return text() }
        do {
            return try JSONOutput.render(report)
        } catch {
            throw CommandFailure("cannot encode JSON: \(error)", status: .ioError)
        }
    }
}

/// The variables the colour decision reads (NO_COLOR, TERM), by getenv: building the whole
/// environment dictionary cost more than the rest of a short command's start (issue 15).
enum ProcessInfoEnvironment {
    static var current: [String: String] {
        var environment: [String: String] = [:]
        for name in ["NO_COLOR", "TERM"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }
}
