/// Builds `InfoReport`: every reader runs once, a failed read becomes a diagnostic, and the report
/// always comes back (info is the command people run first, so it never gives up on one file).
public enum InfoReportBuilder {
    /// What the features reading says on stderr: its own diagnostics, or why there are no features
    /// (no CPUID and no kernel log), so `info` and `detect` say the same about one machine.
    static func featuresDiagnostics(_ result: Result<FeaturesReport, ReportFailure>) -> [Diagnostic] {
        switch result {
        case .success(let report): return report.diagnostics
        case .failure(let failure): return [Diagnostic(source: .features, message: failure.message, hint: failure.hint)]
        }
    }

    public static func build(_ machine: any Machine) -> InfoReport {
        var diagnostics: [Diagnostic] = []
        var log = KernelLogReading(machine)
        let featuresResult = FeaturesReportBuilder.build(machine, source: .auto, log: &log)
        let features = try? featuresResult.get()
        diagnostics += featuresDiagnostics(featuresResult)
        let (dmi, dmiDiagnostics) = DMIInfo.read(from: machine)
        let (topology, cpuDiagnostics) = CPUTopology.read(from: machine)
        let (clock, clockDiagnostics) = ClockSource.read(from: machine)
        let bus = VMBusReader.read(machine, options: .devicesOnly)
        diagnostics += dmiDiagnostics + cpuDiagnostics + clockDiagnostics + bus.diagnostics

        let identity = identify(machine, features: featuresResult, log: &log, dmi: dmi, clock: clock)
        let environment = HostEnvironment.detect(
            isHyperV: identity.isGenuineHyperV, kernelRelease: machine.kernelRelease, dmi: dmi)
        let generation = VMGeneration.detect(
            firmware: .read(machine), environment: environment, vmbusClasses: bus.devices.compactMap(\.classID))
        let vmbus = vmbusSummary(
            machine, bus: bus, dmi: dmi, log: &log, features: features, diagnostics: &diagnostics)
        let (kvp, kvpDiagnostics) = IdentityEvidenceReader.readHostKVP(machine)
        diagnostics += kvpDiagnostics
        let kernelSupport = KernelSupportReportBuilder.build(KernelSupportReader.read(machine, vmbus: bus))
        diagnostics += kernelSupport.diagnostics
        return InfoReport(
            features: features, identity: identity, environment: environment, generation: generation,
            kernelRelease: machine.kernelRelease,
            cpus: InfoReport.CPUs(topology: topology, phantom: topology.phantom.flatMap { $0.isEmpty ? nil : $0 }),
            clocksource: clock, vmbus: vmbus, hostKVP: kvp, kernelSupport: kernelSupport, capture: machine.capture,
            diagnostics: diagnostics)
    }

    /// The identity from every source (`HypervisorIdentity.conclude`), with what was read already.
    public static func identify(
        _ machine: any Machine, features: Result<FeaturesReport, ReportFailure>, log: inout KernelLogReading,
        dmi: DMIInfo, clock: ClockSource? = nil
    ) -> HypervisorIdentity {
        HypervisorIdentity.conclude(
            IdentityEvidenceReader.read(machine, features: features, log: &log, dmi: dmi, clocksource: clock))
    }

    /// Counts from sysfs; the negotiated version from the kernel log, the only place it is
    /// published (§5.2). An unreadable log is a diagnostic, not a failure.
    /// Counts from sysfs; the version as `hvctl vmbus version` decides it (the kernel log, the only
    /// place it is published, §5.2, else inferred from the host build and the cap), from the
    /// sources info has read already.
    static func vmbusSummary(
        _ machine: any Machine, bus: VMBusState, dmi: DMIInfo, log: inout KernelLogReading,
        features: FeaturesReport?, diagnostics: inout [Diagnostic]
    ) -> InfoReport.VMBus {
        let present = bus.present == true
        var vmbus = InfoReport.VMBus(
            present: bus.present, devices: present ? bus.devices.count : nil,
            channels: present ? bus.devices.reduce(0) { $0 + $1.channels.count } : nil, version: nil,
            versionSource: nil)
        guard features?.summary.hypervisor.isHyperV == true || present else { return vmbus }
        let sources = VMBusVersionReportBuilder.Sources(
            features: features, vmbusPresent: bus.present, dmi: { dmi }, cap: { _ in bus.maxVersion })
        let report = VMBusVersionReportBuilder.build(machine, sources: sources, log: &log, diagnostics: [])
        vmbus.version = report.version
        vmbus.versionSource = report.source?.rawValue
        for diagnostic in report.diagnostics where !diagnostics.contains(where: { $0.message == diagnostic.message }) {
            diagnostics.append(diagnostic)
        }
        return vmbus
    }

}
