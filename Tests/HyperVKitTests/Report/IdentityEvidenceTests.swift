import Testing

@testable import HyperVKit

/// Issue 13: the identity from every source. A VMBus or DMI alone says Hyper-V when CPUID and the
/// kernel log are not there; CPUID decides when read; a source that was not read never says no.
@Suite struct IdentityEvidenceTests {
    private func identity(_ fixture: String) throws -> HypervisorIdentity {
        let machine = try SnapshotMachine(path: CaptureFixtures.path(fixture))
        return InfoReportBuilder.build(machine).identity
    }

    @Test(arguments: ["azure-vmbus-only", "azure-arm64-vmbus"])
    func aVMBusTreeWithoutCPUIDOrLogIsHyperV(_ fixture: String) throws {
        let identity = try identity(fixture)
        #expect(identity.isGenuineHyperV)
        #expect(identity.kind == .hyperV)
        #expect(identity.confidence == "strong")
        #expect(identity.sources.first { $0.source == .vmbus }?.says == .hyperV)
        #expect(identity.sources.first { $0.source == .dmi }?.says == .hyperV)
        #expect(identity.sources.first { $0.source == .cpuid }?.says == .unknown)
        #expect(identity.sources.first { $0.source == .kernelLog }?.says == .unknown)
        #expect(identity.summary.hasPrefix("Microsoft Hyper-V, by VMBus and DMI; CPUID "))
        #expect(identity.conflicts.isEmpty)
    }

    @Test func environmentAndGenerationFollow() throws {
        for fixture in ["azure-vmbus-only", "azure-arm64-vmbus"] {
            let report = InfoReportBuilder.build(try SnapshotMachine(path: CaptureFixtures.path(fixture)))
            #expect(report.environment.kind == .azure, "\(fixture)")
            #expect(report.generation.generation == 2, "\(fixture)")
        }
    }

    @Test(arguments: ["snp-isolation-log", "tdx-isolation-log"])
    func oneHyperVLineMakesAHyperVLog(_ fixture: String) throws {
        let identity = try identity(fixture)
        #expect(identity.isGenuineHyperV)
        #expect(identity.confidence == "certain")
        #expect(identity.sources.first { $0.source == .kernelLog }?.detail == "kernel log: 1 Hyper-V line")
    }

    /// CPUID keeps deciding: KVM stays KVM, the imitation stays an imitation, bare metal none.
    @Test func cpuidStillDecides() throws {
        #expect(try identity("kvm-guest").kind == .kvm)
        #expect(try identity("kvm-guest").isGenuineHyperV == false)
        let imitation = try identity("kvm-hyperv-imitation")
        #expect(imitation.imitatesHyperV && !imitation.isGenuineHyperV)
        #expect(try identity("bare-metal").name == "none")
        #expect(try identity("azure-d8ds-v5").confidence == "certain")
    }

    /// Nothing read is unknown, never "not Hyper-V".
    @Test func nothingReadIsUnknown() {
        let identity = HypervisorIdentity.conclude(IdentityInputs(dmi: DMIInfo()))
        #expect(identity.kind == nil && !identity.isGenuineHyperV)
        #expect(identity.name == "unknown")
        #expect(identity.confidence == nil)
    }

    /// Each source alone, and a conflict kept explicit: CPUID says KVM, yet a VMBus has devices.
    @Test func eachSourceAloneAndAConflict() {
        var inputs = IdentityInputs(dmi: DMIInfo())
        inputs.kvpPools = 2
        #expect(HypervisorIdentity.conclude(inputs).isGenuineHyperV)
        inputs = IdentityInputs(dmi: DMIInfo())
        inputs.clocksource = ClockSource(current: "tsc", available: ["tsc", "hyperv_clocksource_tsc_page"])
        let byClock = HypervisorIdentity.conclude(inputs)
        #expect(byClock.isGenuineHyperV && byClock.confidence == "weak")
        inputs = IdentityInputs(dmi: DMIInfo())
        inputs.hvVMBusModuleLoaded = true
        #expect(HypervisorIdentity.conclude(inputs).confidence == "strong")
    }
}
