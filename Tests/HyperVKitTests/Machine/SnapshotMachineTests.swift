import Foundation
import Testing

@testable import HyperVKit

/// docs/snapshot-format.md: the manifest is required, a newer format is refused, every other value may be
/// missing, empty, garbage or huge and gives a failure naming the problem, never a crash.
@Suite struct SnapshotMachineTests {
    @Test func readsTheManifestFacesAndFiles() throws {
        let scratch = try ScratchDirectory()
        try scratch.writeManifest()
        try scratch.write(
            "cpuid.txt",
            "CPU 0:\n   0x40000000 0x00: eax=0x4000000c ebx=0x7263694d ecx=0x666f736f edx=0x76482074\n")
        try scratch.write("msr/cpu0.txt", "0x40000000 0x8100000601c00000\n0x40000021 EIO\n")
        try scratch.write("kernel.log", "[    0.000000] Hyper-V: Host Build 10.0.20348.2700-0-0\n")
        let machine = try SnapshotMachine(path: scratch.path)
        #expect(machine.architecture == .x86_64)
        #expect(machine.kernelRelease == "6.1.0-28-cloud-amd64")
        #expect(try machine.cpuid(leaf: 0x4000_0000, subleaf: 0, cpu: 0).get().ebx == 0x7263_694D)
        #expect(machine.cpuid(leaf: 0x4000_0000, subleaf: 0, cpu: 1) == .failure(.absent))
        #expect(try machine.msr(0x4000_0000, cpu: 0).get() == 0x8100_0006_01C0_0000)
        #expect(machine.msr(0x4000_0021, cpu: 0) == .failure(.unreadable(.EIO)))
        #expect(machine.msr(0x4000_0002, cpu: 0) == .failure(.absent))
        #expect(machine.msr(0x4000_0000, cpu: 3) == .failure(.absent))
        #expect(try machine.kernelLog().get().count == 1)
    }

    @Test(arguments: [
        ("", "not valid JSON"),
        ("{", "not valid JSON"),
        (#"{"format": 1}"#, "missing key"),
        (#"{"format": "1", "createdAt": "x", "tool": "t", "arch": "x86_64"}"#, "wrong type"),
        (#"{"format": 1, "createdAt": "x", "tool": "t", "arch": "sparc"}"#, "unknown arch"),
        (#"{"format": 2, "createdAt": "x", "tool": "t", "arch": "x86_64"}"#, "newer than this hvctl reads"),
        (#"{"format": 0, "createdAt": "x", "tool": "t", "arch": "x86_64"}"#, "is not a version"),
    ])
    func refusesABadManifestNamingIt(_ text: String, _ why: String) throws {
        let scratch = try ScratchDirectory()
        try scratch.write("hvctl-snapshot.json", text)
        #expect {
            try SnapshotMachine(path: scratch.path)
        } throws: { error in
            guard let error = error as? SnapshotError else { return false }
            return error.message.contains("hvctl-snapshot.json") && error.message.contains(why)
        }
    }

    @Test func refusesADirectoryThatIsNotASnapshot() throws {
        let scratch = try ScratchDirectory()
        #expect {
            try SnapshotMachine(path: scratch.path)
        } throws: { error in
            (error as? SnapshotError)?.message.contains("is not an hvctl snapshot") == true
        }
        #expect(throws: SnapshotError.self) { try SnapshotMachine(path: scratch.path + "/missing") }
    }

    @Test func servesTheUnreadableListAsTheRecordedErrno() throws {
        let scratch = try ScratchDirectory()
        try scratch.writeManifest(
            extra: #", "unreadable": {"sys/class/dmi/id/product_serial": "EACCES", "kernel.log": "EPERM"}"#)
        try scratch.write("kernel.log", "captured anyway\n")
        let machine = try SnapshotMachine(path: scratch.path)
        #expect(machine.file(at: "/sys/class/dmi/id/product_serial") == .failure(.unreadable(.EACCES)))
        #expect(machine.kernelLog() == .failure(.unreadable(.EPERM)))
    }

    @Test func garbageCPUIDAndMSRFilesFailWithTheirLine() throws {
        let scratch = try ScratchDirectory()
        try scratch.writeManifest()
        try scratch.write("cpuid.txt", "CPU 0:\n   this is not cpuid\n")
        try scratch.write("msr/cpu0.txt", "0x40000000 0xZZ\n")
        try scratch.write("msr/cpu1.txt", "0x40000000 ENOTANERRNO\n")
        let machine = try SnapshotMachine(path: scratch.path)
        guard case .failure(.invalid(let why)) = machine.cpuid(leaf: 0, subleaf: 0, cpu: 0) else {
            Issue.record("garbage cpuid.txt accepted")
            return
        }
        #expect(why.hasPrefix(scratch.path + "/cpuid.txt: line 2"))
        #expect(
            machine.msr(0x4000_0000, cpu: 0)
                == .failure(.invalid(scratch.path + "/msr/cpu0.txt: line 1: bad value \"0xZZ\"")))
        #expect(
            machine.msr(0x4000_0000, cpu: 1)
                == .failure(.invalid(scratch.path + "/msr/cpu1.txt: line 1: unknown errno name \"ENOTANERRNO\"")))
    }

    @Test func binaryAndHugeKernelLogsAreInvalidNotFatal() throws {
        let scratch = try ScratchDirectory()
        try scratch.writeManifest()
        try scratch.write("kernel.log", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 3])
        let machine = try SnapshotMachine(path: scratch.path)
        #expect(
            machine.kernelLog()
                == .failure(.invalid(scratch.path + "/kernel.log: binary content (NUL bytes), not a kernel log")))

        let huge = try ScratchDirectory()
        try huge.writeManifest()
        let path = huge.path + "/kernel.log"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, off_t(SnapshotMachine.kernelLogLimit + 1)) == 0)
        let hugeMachine = try SnapshotMachine(path: huge.path)
        guard case .failure(.invalid(let why)) = hugeMachine.kernelLog() else {
            Issue.record("a 64 MiB kernel log was accepted")
            return
        }
        #expect(why.contains("larger than") || why.contains("binary"))
    }

    @Test func arm64SnapshotsHaveNoCPUID() throws {
        let scratch = try ScratchDirectory()
        try scratch.writeManifest(arch: "aarch64")
        let machine = try SnapshotMachine(path: scratch.path)
        #expect(machine.architecture == .aarch64)
        #expect(machine.cpuid(leaf: 0, subleaf: 0, cpu: 0) == .failure(.absent))
    }
}
