import Testing

@testable import HyperVKit

/// The snapshot's own file names, as docs/snapshot-format.md gives them.
@Suite struct SnapshotLayoutTests {
    @Test func namesFollowTheFormatDocument() {
        #expect(SnapshotLayout.manifest == "hvctl-snapshot.json")
        #expect(SnapshotLayout.cpuid == "cpuid.txt")
        #expect(SnapshotLayout.kernelLog == "kernel.log")
        #expect(SnapshotLayout.msr(cpu: "3") == "msr/cpu3.txt")
    }

    @Test func onlyMSRFileNamesGiveACPU() {
        #expect(SnapshotLayout.msrCPU(fileName: "cpu0.txt") == 0)
        #expect(SnapshotLayout.msrCPU(fileName: "cpu415.txt") == 415)
        for name in ["cpu.txt", "cpux.txt", "cpu3.txt.tmp", "cpu3", "msr3.txt", ".cpu3.txt"] {
            #expect(SnapshotLayout.msrCPU(fileName: name) == nil, "\(name)")
        }
    }
}
