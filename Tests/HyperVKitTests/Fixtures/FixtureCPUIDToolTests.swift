import Foundation
import Testing

/// Every fixture's `cpuid.txt` must be readable by Todd Allen's `cpuid -f FILE` (Debian's `cpuid`),
/// because docs/snapshot-format.md promises that a snapshot's CPUID can be decoded by that tool too.
/// The expected vendor strings are the hypervisor signatures of reference §1.1 ("Microsoft Hv")
/// and KVM's `KVMKVMKVM\0\0\0` (qemu target/i386/kvm/kvm.c); bare metal has no hypervisor leaf.
@Suite struct FixtureCPUIDToolTests {
    static let tool = "/usr/bin/cpuid"
    static let toolPresent = FileManager.default.isExecutableFile(atPath: tool)

    /// What `cpuid -f` must print for each fixture: lines that must appear, lines that must not.
    struct Expectation: Sendable, CustomTestStringConvertible {
        var fixture: String
        var present: [String]
        var absent: [String] = []
        var testDescription: String { fixture }
    }

    static let microsoftHv = #"hypervisor_id (0x40000000) = "Microsoft Hv""#
    static let kvmAt0x40000000 = #"hypervisor_id (0x40000000) = "KVMKVMKVM\0\0\0""#
    static let kvmAt0x40000100 = #"hypervisor_id (0x40000100) = "KVMKVMKVM\0\0\0""#

    static let expectations: [Expectation] = [
        Expectation(fixture: "azure-d8ds-v5", present: [microsoftHv]),
        Expectation(fixture: "cpuid-msr-only", present: [microsoftHv]),
        Expectation(fixture: "ws2016-gen1", present: [microsoftHv]),
        Expectation(fixture: "ws2019-phantom-cpus", present: [microsoftHv]),
        Expectation(fixture: "custom-kernel", present: [microsoftHv]),
        Expectation(fixture: "vmbus-broken", present: [microsoftHv]),
        Expectation(fixture: "azure-degraded", present: [microsoftHv]),
        Expectation(fixture: "ws2019-no-hv-kernel", present: [microsoftHv]),
        Expectation(fixture: "wsl2-26100", present: [microsoftHv]),
        Expectation(fixture: "azure-snp-cvm", present: [microsoftHv, "isolation type             = SNP (2)"]),
        Expectation(fixture: "kvm-guest", present: [kvmAt0x40000000], absent: ["Microsoft Hv"]),
        Expectation(fixture: "kvm-hyperv-imitation", present: [microsoftHv, kvmAt0x40000100]),
        Expectation(
            fixture: "bare-metal", present: ["hypervisor guest status                 = false"],
            absent: ["hypervisor_id"]),
    ]

    /// Tests/Fixtures, found from this file's path so the test runs from any working directory.
    static let fixturesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    @Test(.enabled(if: toolPresent, "Debian's cpuid (/usr/bin/cpuid) is not installed"), arguments: expectations)
    func cpuidToolDecodesFixture(_ expectation: Expectation) throws {
        let path = Self.fixturesDirectory.appendingPathComponent(expectation.fixture + "/cpuid.txt").path
        let (status, output) = try Self.runTool(arguments: ["-f", path])
        #expect(status == 0, "cpuid -f \(expectation.fixture)/cpuid.txt exited \(status)")
        for line in expectation.present {
            #expect(output.contains(line), "missing \(line)")
        }
        for line in expectation.absent {
            #expect(!output.contains(line), "unexpected \(line)")
        }
    }

    /// A new fixture with a cpuid.txt must get an expectation above, and arm64 ones must have none.
    @Test func everyCPUIDFixtureHasAnExpectation() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixturesDirectory.path)
        let withCPUID = names.filter {
            FileManager.default.fileExists(
                atPath: Self.fixturesDirectory.appendingPathComponent($0 + "/cpuid.txt").path)
        }
        #expect(Set(withCPUID) == Set(Self.expectations.map(\.fixture)))
    }

    /// Runs the tool and returns its exit status and combined output (read before waiting, so a
    /// large decode cannot fill the pipe and block).
    static func runTool(arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
