import ArgumentParser
import FoundationEssentials
import HyperVKit

/// What a command needs to run: the machine and how to print.
struct CommandContext: Sendable {
    let machine: any Machine
    let json: Bool
    let color: Bool
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
            let context = CommandContext(machine: machine, json: global.json, color: global.useColor)
            output = try produce(context)
        } catch {
            Terminal.warn(CommandRunner.line(for: error))
            throw error.status.exitCode
        }
        Terminal.write(output.stdout)
        for line in output.stderrLines(verbose: global.verbose) { Terminal.warn(line) }
        if output.status != .success { throw output.status.exitCode }
    }
}

enum CommandRunner {
    /// `hvctl: <message> (hint: <hint>)`: lowercase, no trailing period (style.md).
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
        guard context.json else { return text() }
        do {
            return try JSONOutput.render(report)
        } catch {
            throw CommandFailure("cannot encode JSON: \(error)", status: .ioError)
        }
    }
}

/// The process environment, read once.
enum ProcessInfoEnvironment {
    static var current: [String: String] { ProcessInfo.processInfo.environment }
}
