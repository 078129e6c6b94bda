import Foundation
import Testing

@testable import HyperVKit

/// Issue 2, "Bad input": any snapshot value may be missing, empty, garbage, out of range or huge;
/// each gets a one-line diagnostic naming the path and the documented exit status, never a crash.
@Suite struct BadInputTests {
    /// A copy of a fixture with one file replaced.
    private func fixtureCopy(_ name: String, replacing file: String, with bytes: [UInt8]?) throws -> TemporaryDirectory
    {
        let directory = try TemporaryDirectory(prefix: "hvctl-bad-")
        let target = directory.path + "/snap"
        try FileManager.default.copyItem(atPath: FixturePaths.snapshot(name), toPath: target)
        let path = target + "/" + file
        try? FileManager.default.removeItem(atPath: path)
        if let bytes { try Data(bytes).write(to: URL(fileURLWithPath: path)) }
        return directory
    }

    private func expectFailure(
        _ arguments: [String], status: Int32, naming path: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try CommandHarness.runBinary(arguments)
        #expect(result.status == status, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(
            result.stderr.contains(path), "stderr does not name \(path): \(result.stderr)",
            sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        [UInt8]("CPU 0:\n   garbage\n".utf8),
        [UInt8]("CPU 0:\n   0x40000000 0x00: eax=0x1ffffffff ebx=0x0 ecx=0x0 edx=0x0\n".utf8),
        [0, 1, 2, 3, 255],
    ])
    func garbageCPUIDExits65NamingIt(_ bytes: [UInt8]) throws {
        let copy = try fixtureCopy("azure-d8ds-v5", replacing: "cpuid.txt", with: bytes)
        try expectFailure(
            ["--snapshot", copy.path + "/snap", "features", "--source", "cpuid"], status: 65, naming: "cpuid.txt")
    }

    @Test func aBinaryKernelLogExits65NamingIt() throws {
        let copy = try fixtureCopy("azure-arm64", replacing: "kernel.log", with: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 0])
        try expectFailure(["--snapshot", copy.path + "/snap", "features"], status: 65, naming: "kernel.log")
    }

    @Test func aMissingKernelLogExits65() throws {
        let copy = try fixtureCopy("azure-arm64", replacing: "kernel.log", with: nil)
        try expectFailure(["--snapshot", copy.path + "/snap", "features"], status: 65, naming: "no kernel log")
    }

    @Test func anEmptyOrGarbageManifestExits65NamingIt() throws {
        for bytes in [[UInt8](), [UInt8]("not json".utf8)] {
            let copy = try fixtureCopy("azure-d8ds-v5", replacing: "hvctl-snapshot.json", with: bytes)
            try expectFailure(["--snapshot", copy.path + "/snap", "info"], status: 65, naming: "hvctl-snapshot.json")
        }
    }

    /// Garbage in one sysfs attribute is a warning; the rest of info still prints.
    @Test func garbageSysfsAttributesAreWarningsNotFailures() throws {
        let copy = try fixtureCopy(
            "azure-d8ds-v5", replacing: "sys/devices/system/cpu/online", with: [UInt8]("zero-to-seven\n".utf8))
        let result = try CommandHarness.runBinary(["--snapshot", copy.path + "/snap", "info"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Host build      10.0.20348"))
        #expect(result.stderr.contains("/sys/devices/system/cpu/online: not a CPU list"))
    }
}
