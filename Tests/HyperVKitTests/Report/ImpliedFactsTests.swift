import Testing

@testable import HyperVKit

/// Issue 13: what a fact implies is used and said. A negotiated VMBus version implies the kernel's
/// minimum (reference §5.1: 5.3 only since 5.13; 4.1, 5.1, 5.2 since 5.5), which settles the
/// kernel condition of channel re-targeting (writable channels/<relid>/cpu since 5.8).
@Suite struct ImpliedFactsTests {
    static let retarget = VMBusCapabilityCatalog.all.first { $0.name == "channel_retarget" }

    @Test func negotiated53ImpliesAKernelThatCanRetarget() throws {
        let capability = try #require(Self.retarget)
        let inferred = capability.availability(version: VMBusProtocolFacts.win10V53, kernel: nil, negotiated: true)
        #expect(inferred.available == true)
        #expect(inferred.note?.hasPrefix("inferred from the negotiated VMBus 5.3: only kernels 5.13 and newer") == true)
        // An inferred version implies nothing about the kernel: still unknown.
        #expect(capability.availability(version: VMBusProtocolFacts.win10V53, kernel: nil).available == nil)
        // 5.2 implies 5.5, which is older than the 5.8 re-targeting needs: unknown.
        #expect(
            capability.availability(version: VMBusProtocolFacts.win10V52, kernel: nil, negotiated: true).available
                == nil)
    }

    @Test func minimumKernels() {
        #expect(
            VMBusProtocolFacts.minimumKernel(negotiating: VMBusProtocolFacts.win10V53)
                == KernelRelease(major: 5, minor: 13))
        #expect(
            VMBusProtocolFacts.minimumKernel(negotiating: VMBusProtocolFacts.win10V41)
                == KernelRelease(major: 5, minor: 5))
        #expect(VMBusProtocolFacts.minimumKernel(negotiating: VMBusProtocolFacts.win10) == nil)
    }

    /// An isolation line alone implies EBX[22] (the kernel prints it only then): decoded.
    @Test func anIsolationLineAloneIsDecoded() throws {
        for (fixture, type, bits) in [
            ("snp-isolation-log", HypervisorSummary.IsolationType.snp, 46), ("tdx-isolation-log", .tdx, 47),
        ] {
            let report = try FeaturesReportBuilder.build(
                try SnapshotMachine(path: CaptureFixtures.path(fixture)), source: .auto
            ).get()
            #expect(report.summary.hypervisor.isHyperV)
            #expect(report.summary.isolation == .init(type: type, paravisor: true, sharedGpaBoundaryBits: bits))
            #expect(report.summary.host == nil && report.summary.partition.role == nil)
        }
    }
}
