import ArgumentParser
import HyperVKit

/// `--format text|json|junit|tap`.
enum HealthFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json, junit, tap
}

struct HealthCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Is this VM a healthy Hyper-V guest? Documented checks, an exit status CI can trust.",
        discussion: HealthHelp.discussion)

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .customLong("check"),
        help: ArgumentHelp("Run only this check (repeatable, or comma-separated).", valueName: "id"),
        completion: .list(HealthCatalog.ids))
    var checks: [String] = []

    @Option(
        name: .customLong("skip"),
        help: ArgumentHelp("Do not run this check (repeatable, or comma-separated).", valueName: "id"),
        completion: .list(HealthCatalog.ids))
    var skips: [String] = []

    @Option(
        help: ArgumentHelp(
            "Thresholds and expectations: a TOML or JSON file (keys in the discussion).", valueName: "file"),
        completion: .file(extensions: ["toml", "json"]))
    var config: String?

    @Option(
        help: ArgumentHelp("Output format: text, json, junit or tap (--json is --format json).", valueName: "format"))
    var format: HealthFormat?

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp("Exit 1 on failed checks only (fail), or on warnings too (warn).", valueName: "level"))
    var failOn: HealthReport.FailOn = .fail

    @Flag(name: .customLong("list"), help: "List the checks (id, severity, title) and exit.")
    var list = false

    @OptionGroup var table: TableOptions<HealthColumns>

    @Flag(
        name: [.customShort("q"), .long],
        help: "Print nothing (errors aside); answer with the exit status only, as grep -q does.")
    var quiet = false

    func validate() throws {
        if quiet && (global.json || format != nil || list) {
            throw ValidationError("--quiet prints nothing: it cannot be used with --json, --format or --list")
        }
        if global.json, let format, format != .json {
            throw ValidationError("--json and --format \(format.rawValue) cannot be used together")
        }
    }

    func run() throws {
        if list {
            do throws(CommandFailure) {
                let text: String
                if global.json {
                    do { text = try HealthListText.json() } catch {
                        throw CommandFailure("cannot encode JSON: \(error)", status: .ioError)
                    }
                } else {
                    text = HealthListText.render(
                        color: global.useColor, layout: try table.layout(HealthListText.columnKeys))
                }
                try Terminal.write(text)
            } catch {
                try CommandRunner.fail(error, json: global.json)
            }
            return
        }
        try runReport()
    }

    var effectiveFormat: HealthFormat { global.json ? .json : (format ?? .text) }

    func selection() throws(CommandFailure) -> HealthSelection {
        let split = { (values: [String]) in
            values.flatMap { $0.split(separator: ",").map { String($0.trimmingWhitespace()) } }.filter { !$0.isEmpty }
        }
        let selection = HealthSelection(only: split(checks), skip: split(skips))
        let unknown = selection.unknownIDs
        guard unknown.isEmpty else {
            throw CommandFailure(
                "unknown check \(unknown.map { "\"\($0)\"" }.joined(separator: ", "))",
                hint: "valid ids: " + HealthCatalog.ids.joined(separator: ", "), status: .usage)
        }
        // Running nothing is no answer: it must not pass (issue 14).
        guard !selection.checks(configuration: HealthConfiguration()).isEmpty else {
            throw CommandFailure("--check and --skip leave no check to run", status: .usage)
        }
        return selection
    }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let selection = try selection()
        let configuration = try config.map { (path) throws(CommandFailure) in try HealthConfigLoader.load(path) }
        if let configuration, selection.checks(configuration: configuration).isEmpty {
            throw CommandFailure(
                "\(config ?? "the configuration")'s checks.skip leaves no check to run", status: .invalidInput)
        }
        let (report, _) = HealthRunner.run(
            context.machine, selection: selection, configuration: configuration ?? HealthConfiguration(),
            failOn: failOn)
        var output = CommandOutput()
        if !quiet {
            let layout = try table.layout(HealthText.columnKeys)
            output.stdout = try HealthRendering.render(
                report, format: effectiveFormat, color: context.color, layout: layout)
            output.warn(report.diagnostics)
        }
        output.status = report.failed ? .answerNo : .success
        return output
    }
}

/// The one switch over the health output format.
enum HealthRendering {
    static func render(
        _ report: HealthReport, format: HealthFormat, color: Bool, layout: TableLayout = .all
    ) throws(CommandFailure) -> String {
        switch format {
        case .text: return HealthText(report: report, color: color, layout: layout).render()
        case .json:
            do {
                return try JSONOutput.render(report)
            } catch {
                throw CommandFailure("cannot encode JSON: \(error)", status: .ioError)
            }
        case .junit: return HealthJUnit(report: report).render()
        case .tap: return HealthTAP(report: report).render()
        }
    }
}
