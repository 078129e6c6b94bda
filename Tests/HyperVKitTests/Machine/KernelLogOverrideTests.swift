import Foundation
import Testing

@testable import HyperVKit

/// `--kernel-log FILE`: the kernel log of any machine replaced by a file, everything else unchanged.
@Suite struct KernelLogOverrideTests {
    static let azure = CaptureFixtures.path("azure-d8ds-v5")
    static let pasted = CaptureFixtures.path("pasted-log") + "/kernel.log"

    @Test func replacesOnlyTheKernelLog() throws {
        let base = try SnapshotMachine(path: Self.azure)
        let machine = try KernelLogOverride(base: base, logPath: Self.pasted)
        let lines = try machine.kernelLog().get()
        #expect(lines.count == 19)
        // The pasted log is WS2012 R2's (reference §5.1: VMBus 3.0); the snapshot's own says 5.3.
        #expect(KernelLogParser.parse(lines).vmbusVersion == VMBusVersion(major: 3, minor: 0))
        #expect(KernelLogParser.parse(try base.kernelLog().get()).vmbusVersion == VMBusVersion(major: 5, minor: 3))
        #expect(machine.origin == "snapshot \(Self.azure), kernel log from \(Self.pasted)")
        #expect(machine.isCapture)
        #expect(machine.architecture == .x86_64)
        #expect(machine.kernelRelease == base.kernelRelease)
        #expect(machine.attribute(at: "/sys/devices/system/cpu/online") == .success("0-7"))
        #expect(
            machine.cpuid(leaf: 0x4000_0000, subleaf: 0, cpu: 0) == base.cpuid(leaf: 0x4000_0000, subleaf: 0, cpu: 0))
        #expect(machine.link(at: "/sys/class/dmi/id") == base.link(at: "/sys/class/dmi/id"))
    }

    @Test func aFileThatCannotBeUsedFailsAtOnce() throws {
        let base = try SnapshotMachine(path: Self.azure)
        let scratch = try ScratchDirectory()
        try scratch.write("binary.log", [0x5B, 0, 0, 0x5D])
        #expect(throws: ReadFailure.absent) { try KernelLogOverride(base: base, logPath: scratch.path + "/none") }
        #expect(throws: ReadFailure.unreadable(.EISDIR)) { try KernelLogOverride(base: base, logPath: scratch.path) }
        #expect(throws: ReadFailure.self) { try KernelLogOverride(base: base, logPath: scratch.path + "/binary.log") }
    }
}
