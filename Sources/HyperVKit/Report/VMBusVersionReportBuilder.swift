/// Builds `VMBusVersionReport`: the negotiated version from the kernel log when it has the line
/// (§5.2: the only place it is published), otherwise an inference from the host build, the cap and
/// the kernel release (`VMBusNegotiation`). Every read failure becomes a diagnostic; the report
/// always comes back.
public enum VMBusVersionReportBuilder {
    public static let maxVersionPath = VMBusReader.maxVersionPath

    public static func build(_ machine: any Machine) -> VMBusVersionReport {
        var diagnostics: [Diagnostic] = []
        var log = KernelLogReading(machine)
        let vmbusPresent = VMBusReader.readPresence(machine, diagnostics: &diagnostics)
        let features = readFeatures(machine, log: &log, diagnostics: &diagnostics)
        let sources = Sources(
            features: features, vmbusPresent: vmbusPresent, dmi: { DMIInfo.read(from: machine).0 },
            cap: { readCap(machine, diagnostics: &$0) })
        return build(machine, sources: sources, log: &log, diagnostics: diagnostics)
    }

    /// What the version is decided from, read by a caller that needs the same values for other
    /// purposes (`hvctl health` reads each source once): the features report, VMBus presence, the
    /// DMI strings and the `max_version` cap. `dmi` and `cap` are asked for only when needed.
    public struct Sources {
        public var features: FeaturesReport?
        public var vmbusPresent: Bool?
        public var dmi: () -> DMIInfo
        /// The cap; may add a diagnostic for a garbled value.
        public var cap: (inout [Diagnostic]) -> VMBusVersion?

        public init(
            features: FeaturesReport?, vmbusPresent: Bool?, dmi: @escaping () -> DMIInfo,
            cap: @escaping (inout [Diagnostic]) -> VMBusVersion?
        ) {
            self.features = features
            self.vmbusPresent = vmbusPresent
            self.dmi = dmi
            self.cap = cap
        }
    }

    /// The report from sources already read; `diagnostics` are those the reads produced so far.
    public static func build(
        _ machine: any Machine, sources: Sources, log: inout KernelLogReading, diagnostics: [Diagnostic]
    ) -> VMBusVersionReport {
        var diagnostics = diagnostics
        let features = sources.features
        let logged = log.facts()
        let facts = try? logged.get()
        let genuine = isGenuineHyperV(machine, features: features, log: &log, dmi: sources.dmi)
        var report = VMBusVersionReport(kernelRelease: machine.kernelRelease, vmbusPresent: sources.vmbusPresent)
        report.applicable =
            sources.vmbusPresent == true || facts?.vmbusVersion != nil || (sources.vmbusPresent == nil && genuine)
        guard report.applicable else {
            report.reasoning = ["no VMBus on \(machine.origin): not a Hyper-V guest, or hv_vmbus is not loaded"]
            return finish(report, diagnostics: diagnostics, kernel: nil)
        }
        // An imitation's host build is whatever the other hypervisor chose to show: not used.
        let summary = genuine ? features?.summary : nil
        report.maxVersion = sources.cap(&diagnostics)
        report.host = summary?.host?.version
        report.isolated = summary?.isolation.type.map { $0 != .none }
        let negotiation = VMBusNegotiation(
            .init(
                hostBuild: report.host?.build, maxVersion: report.maxVersion, kernelRelease: machine.kernelRelease,
                isolated: report.isolated))
        report.hostVMBusVersion = negotiation.host?.version
        report.negotiationOrder = negotiation.order
        decide(&report, logged: logged, negotiation: negotiation, diagnostics: &diagnostics)
        if !genuine && features?.summary.hypervisor.isHyperV == true {
            report.reasoning.append("the Hyper-V signature is not genuine Hyper-V's, so its host build is not used")
        }
        return finish(report, diagnostics: diagnostics, kernel: machine.kernelRelease.flatMap(KernelRelease.init))
    }

    /// Fills the capabilities from the decided version and attaches the diagnostics.
    static func finish(_ report: VMBusVersionReport, diagnostics: [Diagnostic], kernel: KernelRelease?)
        -> VMBusVersionReport
    {
        var report = report
        report.capabilities = VMBusCapabilityCatalog.all.map { capability in
            let (available, note) = capability.availability(
                version: report.version, kernel: kernel, negotiated: report.source == .kernelLog)
            return VMBusVersionReport.Capability(capability: capability, available: available, note: note)
        }
        report.diagnostics = diagnostics
        return report
    }

    /// Genuine Hyper-V by the same evidence `hvctl info` weighs (CPUID, KVM's own leaves, DMI, the
    /// kernel's `Hypervisor detected:`): a KVM guest imitating Hyper-V has no VMBus (§1.1 caveat).
    /// Only leaves that say Hyper-V are of use here (the host build comes from them).
    static func isGenuineHyperV(
        _ machine: any Machine, features: FeaturesReport?, log: inout KernelLogReading, dmi: () -> DMIInfo
    ) -> Bool {
        guard let features, features.summary.hypervisor.isHyperV else { return false }
        return InfoReportBuilder.identify(machine, features: .success(features), log: &log, dmi: dmi())
            .isGenuineHyperV
    }

    /// The version from the log, or the inference when the log is unreadable or lacks the line.
    static func decide(
        _ report: inout VMBusVersionReport, logged: Result<KernelLogFacts, ReportFailure>,
        negotiation: VMBusNegotiation, diagnostics: inout [Diagnostic]
    ) {
        switch logged {
        case .success(let facts):
            diagnostics += facts.diagnostics.filter { $0.lowercased().contains("vmbus") }.map {
                Diagnostic(source: .kernelLog, message: $0)
            }
            if settleFromLog(&report, facts: facts, negotiation: negotiation, diagnostics: &diagnostics) { return }
            report.reasoning = [
                "the kernel log has no \"hv_vmbus: Vmbus version\" line (rotated out of the ring buffer, or not captured)"
            ]
        case .failure(let failure):
            if !diagnostics.contains(where: { $0.message == failure.message }) {
                diagnostics.append(Diagnostic(source: .kernelLog, message: failure.message, hint: failure.hint))
            }
            report.reasoning = [
                "the kernel log is not available (see the diagnostics), so the negotiated version is not known from it"
            ]
        }
        infer(&report, negotiation: negotiation, diagnostics: &diagnostics)
    }

    /// True when the log settles it: the logged version (checked against the host build, §8), or
    /// a logged connection failure (no version at all).
    static func settleFromLog(
        _ report: inout VMBusVersionReport, facts: KernelLogFacts, negotiation: VMBusNegotiation,
        diagnostics: inout [Diagnostic]
    ) -> Bool {
        if let version = facts.vmbusVersion {
            report.version = version
            report.source = .kernelLog
            let line = facts.evidence.last { $0.contains("Vmbus version") } ?? "hv_vmbus: Vmbus version:\(version)"
            report.reasoning = ["kernel log: \"\(line)\" (the only place the negotiated version is published, §5.2)"]
            let check = VMBusConsistency(logged: version, cap: report.maxVersion, negotiation: negotiation)
            report.consistentWithHost = check.consistent
            report.reasoning += check.reasoning + check.warnings
            diagnostics += check.warnings.map { Diagnostic(source: .kernelLog, message: $0) }
            return true
        }
        guard let failure = connectFailure(facts) else { return false }
        report.reasoning = [failure]
        diagnostics.append(Diagnostic(source: .kernelLog, message: failure))
        return true
    }

    static func infer(
        _ report: inout VMBusVersionReport, negotiation: VMBusNegotiation, diagnostics: inout [Diagnostic]
    ) {
        report.reasoning += negotiation.reasoning
        guard let expected = negotiation.expected else {
            diagnostics.append(
                Diagnostic(
                    source: .vmbus,
                    message: "the VMBus version is unknown: \(negotiation.reasoning.last ?? "no source")"
                ))
            return
        }
        report.version = expected
        report.source = .inferred
    }

    /// `hv_vmbus: Unable to connect to host` or the isolated-VM refusal, when no version was logged.
    static func connectFailure(_ facts: KernelLogFacts) -> String? {
        if let rejected = facts.vmbusIsolationVersionRejected {
            return
                "kernel log: the host offered VMBus \(rejected.offered) but this isolated VM requires \(rejected.required) or newer: VMBus did not connect (§5.2)"
        }
        if facts.vmbusConnectFailed {
            return "kernel log: \"hv_vmbus: Unable to connect to host\": no VMBus version was negotiated (§5.2)"
        }
        return nil
    }

    /// The hypervisor leaves (host build, isolation) from CPUID, or the kernel log when CPUID shows
    /// no Hyper-V (`FeaturesReportBuilder`, `--source auto`).
    static func readFeatures(_ machine: any Machine, log: inout KernelLogReading, diagnostics: inout [Diagnostic])
        -> FeaturesReport?
    {
        switch FeaturesReportBuilder.build(machine, source: .auto, log: &log) {
        case .success(let report):
            diagnostics += report.diagnostics
            return report
        case .failure(let failure):
            diagnostics.append(Diagnostic(source: .features, message: failure.message, hint: failure.hint))
            return nil
        }
    }

    /// `max_version`: decimal `%u` (§3.1); absent is not worth a warning (a capture that skipped it).
    static func readCap(_ machine: any Machine, diagnostics: inout [Diagnostic]) -> VMBusVersion? {
        switch machine.attribute(at: maxVersionPath) {
        case .success(let text):
            guard let encoded = UInt32(text) else {
                diagnostics.append(
                    Diagnostic(path: maxVersionPath, message: "\(maxVersionPath): not a number: \"\(text.prefix(40))\"")
                )
                return nil
            }
            return VMBusVersion(encoded: encoded)
        case .failure(.absent):
            return nil
        case .failure(let failure):
            diagnostics.append(.read(maxVersionPath, failure))
            return nil
        }
    }
}
