/// Reads the sources the selected checks need, each once, through the readers the other commands
/// use (so `hvctl health` and `hvctl info` agree), and hands the checks immutable facts.
public enum HealthFactsReader {
    /// The MSRs the checks read on CPU 0 (reference §2.1): REFERENCE_TSC and CRASH_CTL.
    public static let msrIndexes: [UInt32] = [0x4000_0021, 0x4000_0105]

    public static func read(_ machine: any Machine, inputs: Set<HealthInput>) -> HealthFacts {
        var facts = HealthFacts(
            origin: machine.origin, architecture: machine.architecture, kernelRelease: machine.kernelRelease)
        var log = KernelLogReading(machine)
        let needs = expand(inputs)
        var dmi: DMIInfo?
        if needs.contains(.clocksource) {
            let (clock, diagnostics) = ClockSource.read(from: machine)
            facts.clocksource = clock
            facts.diagnostics += diagnostics
        }
        if needs.contains(.hypervisor) { dmi = readHypervisor(machine, log: &log, into: &facts) }
        if needs.contains(.topology) {
            let (topology, diagnostics) = CPUTopology.read(from: machine)
            facts.topology = topology
            facts.diagnostics += diagnostics
        }
        if needs.contains(.vmbus) { readVMBus(machine, into: &facts) }
        if needs.contains(.vmbusVersion) {
            facts.vmbusVersion = readVersion(machine, facts: facts, dmi: dmi ?? DMIInfo(), log: &log)
        }
        if needs.contains(.msr) { facts.msrs = readMSRs(machine, privileges: facts.privileges) }
        if needs.contains(.kernelSupport) {
            // The devices were read for the VMBus checks: their diagnostics are reported once, there.
            let report = KernelSupportReportBuilder.build(KernelSupportReader.read(machine, vmbus: facts.vmbus))
            facts.kernelSupport = report
            facts.diagnostics += report.diagnostics
        }
        if needs.contains(.kernelLog) { facts.kernelLog = log.lines() }
        // Parsed already for the identity and the version: kept for the checks that look at it.
        if needs.contains(.kernelLog) || needs.contains(.hypervisor) { facts.logFacts = try? log.facts().get() }
        return facts
    }

    /// The sources a source is made from.
    static func expand(_ inputs: Set<HealthInput>) -> Set<HealthInput> {
        var needs = inputs
        // Every check but those that skip unconfigured first asks whether this is Hyper-V at all.
        if !needs.isEmpty { needs.insert(.hypervisor) }
        if needs.contains(.vmbusVersion) { needs.formUnion([.hypervisor, .vmbus]) }
        if needs.contains(.msr) { needs.insert(.hypervisor) }
        if needs.contains(.kernelSupport) { needs.insert(.vmbus) }
        if needs.contains(.vmbus) { needs.insert(.topology) }
        return needs
    }

    /// Features, privileges, DMI, identity and environment, as `hvctl info` finds them.
    static func readHypervisor(_ machine: any Machine, log: inout KernelLogReading, into facts: inout HealthFacts)
        -> DMIInfo
    {
        let features = FeaturesReportBuilder.build(machine, source: .auto, log: &log)
        switch features {
        case .success(let report):
            facts.features = report
            facts.privileges = PartitionPrivileges(report: report)
            facts.diagnostics += report.diagnostics
        case .failure(let failure):
            facts.featuresFailure = failure
        }
        let (dmi, dmiDiagnostics) = DMIInfo.read(from: machine)
        facts.diagnostics += dmiDiagnostics
        let identity = InfoReportBuilder.identify(
            machine, features: features, log: &log, dmi: dmi, clock: facts.clocksource)
        facts.identity = identity
        facts.environment = HostEnvironment.detect(
            isHyperV: identity.isGenuineHyperV, kernelRelease: machine.kernelRelease, dmi: dmi)
        return dmi
    }

    static func readVMBus(_ machine: any Machine, into facts: inout HealthFacts) {
        var options = VMBusReader.Options.everything
        if let topology = facts.topology { options.onlineCPUs = .known(topology.online) }
        let state = VMBusReader.read(machine, options: options)
        facts.vmbus = state
        facts.diagnostics += state.diagnostics
    }

    /// `hvctl vmbus version`'s decision, from the features, DMI, presence and cap read already.
    static func readVersion(_ machine: any Machine, facts: HealthFacts, dmi: DMIInfo, log: inout KernelLogReading)
        -> VMBusVersionReport
    {
        let sources = VMBusVersionReportBuilder.Sources(
            features: facts.features, vmbusPresent: facts.vmbus?.present, dmi: { dmi },
            cap: { _ in facts.vmbus?.maxVersion })
        return VMBusVersionReportBuilder.build(machine, sources: sources, log: &log, diagnostics: [])
    }

    /// REFERENCE_TSC and CRASH_CTL on CPU 0, through `hvctl msr`'s gate and safety checks; nil on
    /// arm64, where user space cannot read synthetic registers (reference §2.5).
    static func readMSRs(_ machine: any Machine, privileges: PartitionPrivileges) -> CPUMSRReadings? {
        guard machine.architecture == .x86_64, privileges.isHyperV == true else { return nil }
        let reader = MSRReportBuilder.Reader(
            machine: machine, privileges: privileges, force: false,
            healthy: HealthyLinuxGuest(privileges: privileges, kernelRelease: machine.kernelRelease))
        return CPUMSRReadings(cpu: 0, vpIndex: nil, readings: msrIndexes.map { reader.read($0, cpu: 0) })
    }
}
