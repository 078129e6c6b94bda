import ArgumentParser
import HyperVKit

extension FeatureSourceRequest: ExpressibleByArgument {}

struct FeaturesCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Every privilege, feature and recommendation bit the hypervisor reports.",
        discussion: """
            Decodes the CPUID hypervisor leaves 0x40000000-0x4000000C (and 0x40000080-0x40000082 where the \
            virtualization stack offers them) under their TLFS names: the partition privilege mask, the \
            feature and recommendation words, limits, nested virtualization and isolation. Set bits that no \
            specification names are listed as unknown, never dropped.

            With --source kernel-log the words the kernel printed at boot (`Hyper-V: privilege flags low ...`, \
            `Host Build`, `Isolation Config`, `Nested features`) fill the same registers; registers the log \
            does not print are unknown. arm64 has no CPUID, so the kernel log is the only source there.

            --require NAME,... exits 1 unless every named flag (TLFS name or Linux macro, any case) is set.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(
        help:
            "Where the registers come from: auto (CPUID when it shows Hyper-V, else the kernel log), cpuid, kernel-log."
    )
    var source: FeatureSourceRequest = .auto

    @Flag(help: "List every known flag, set or not, and every register.")
    var all = false

    @Flag(help: "Print the raw registers of each leaf instead of decoding them.")
    var raw = false

    @Option(
        help: ArgumentHelp(
            "Exit 1 unless these flags are all set (comma-separated TLFS names or Linux macros).", valueName: "names"),
        transform: { $0.split(separator: ",").map { $0.filter { $0 != " " } }.filter { !$0.isEmpty } })
    var require: [String] = []

    func run() throws { try runReport() }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let report: FeaturesReport
        switch FeaturesReportBuilder.build(context.machine, source: source) {
        case .success(let built): report = built
        case .failure(let failure): throw CommandFailure(failure)
        }
        var output = CommandOutput()
        if !require.isEmpty && !report.summary.hypervisor.isHyperV {
            throw CommandFailure(
                "not a Hyper-V guest: \(NotHyperVText.reason(report.summary.hypervisor)), so no Hyper-V feature is present",
                status: .notApplicable)
        }
        let requirements = try evaluateRequirements(report)
        output.stdout = try CommandRunner.render(report, context: context) {
            if !require.isEmpty { return RequirementsText(results: requirements, color: context.color).render() }
            return raw
                ? RawLeavesText(report: report).render()
                : FeaturesText(report: report, showAll: all, color: context.color).render()
        }
        output.warn(report.diagnostics)
        guard report.summary.hypervisor.isHyperV else {
            output.warnings.append("hvctl: not a Hyper-V guest: \(NotHyperVText.reason(report.summary.hypervisor))")
            output.status = .notApplicable
            return output
        }
        let missing = requirements.filter { $0.set != true }
        if !missing.isEmpty {
            output.warnings.append(
                "hvctl: missing required features: "
                    + missing.map { "\($0.name) (\($0.location))" }.joined(separator: ", "))
            output.status = .answerNo
        }
        return output
    }

    /// `--require`: every name must be a known flag (else a usage error naming it).
    private func evaluateRequirements(_ report: FeaturesReport) throws(CommandFailure) -> [RequirementResult] {
        var results: [RequirementResult] = []
        for name in require {
            guard let found = report.flag(named: name) else {
                throw CommandFailure(
                    "unknown feature name \"\(name)\"", hint: "hvctl features --all lists the names", status: .usage)
            }
            let location = "\(hex32(found.leaf.leaf)) \(found.register.rawValue.uppercased())[\(found.flag.bit)]"
            let known = found.leaf.register(found.register) != nil
            results.append(
                RequirementResult(name: found.flag.name, location: location, set: known ? found.flag.set : nil))
        }
        return results
    }
}

/// One `--require` name and whether it is set (nil: this source cannot tell).
struct RequirementResult: Sendable {
    var name: String
    var location: String
    var set: Bool?
}

/// `--require` in text: one line per name, yes, no or unknown.
struct RequirementsText {
    var results: [RequirementResult]
    var color: Bool

    func render() -> String {
        var table = Table(columns: [Table.Column("SET"), Table.Column("NAME"), Table.Column("WHERE")])
        for result in results {
            let (word, style): (String, Style) =
                switch result.set {
                case .some(true): ("yes", .green)
                case .some(false): ("no", .red)
                case .none: ("unknown", .yellow)
                }
            table.append([Table.Cell(word, style), Table.Cell(result.name), Table.Cell(result.location)])
        }
        return table.render(color: color)
    }
}

/// Why a machine is not a Hyper-V guest, in words.
enum NotHyperVText {
    static func reason(_ hypervisor: HypervisorSummary.Hypervisor) -> String {
        guard hypervisor.present else { return "no hypervisor (CPUID.1:ECX[31] is clear)" }
        guard let vendor = hypervisor.vendor ?? hypervisor.vendorEscaped else { return "no Hyper-V lines found" }
        if let known = KnownHypervisor.identify(vendorText: vendor) {
            return "the hypervisor is \(known.displayName) (\"\(vendor)\")"
        }
        return "the hypervisor signature is \"\(vendor)\""
    }
}

extension CommandFailure {
    /// Maps a report failure to the documented exit status.
    init(_ failure: ReportFailure) {
        let status: ExitStatus
        switch failure.kind {
        case .notApplicable: status = .notApplicable
        case .invalidInput: status = .invalidInput
        case .permissionDenied: status = .permissionDenied
        case .ioError: status = .ioError
        }
        self.init(failure.message, hint: failure.hint, status: status)
    }
}
