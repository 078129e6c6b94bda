import Foundation
import HyperVKit
import Synchronization
import Testing

@testable import hvctl

/// `hvctl msr` through the command: what is (never) read, names and addresses, CPUs, exit statuses
/// and the JSON contract (docs/json-schema.md "hvctl msr --json").
@Suite struct MSRCommandTests {
    /// A snapshot that records every MSR it is asked for.
    final class RecordingMachine: Machine {
        let base: SnapshotMachine
        private let asked = Mutex<[UInt32]>([])

        init(_ fixture: String) throws {
            base = try SnapshotMachine(path: FixturePaths.snapshot(fixture))
        }

        var reads: [UInt32] { asked.withLock { $0 } }
        var origin: String { base.origin }
        var architecture: Architecture { base.architecture }
        var kernelRelease: String? { base.kernelRelease }
        func file(at path: String) -> Result<[UInt8], ReadFailure> { base.file(at: path) }
        func directory(at path: String) -> Result<[String], ReadFailure> { base.directory(at: path) }
        func link(at path: String) -> Result<String, ReadFailure> { base.link(at: path) }
        func cpuid(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure> {
            base.cpuid(leaf: leaf, subleaf: subleaf, cpu: cpu)
        }
        func kernelLog() -> Result<[String], ReadFailure> { base.kernelLog() }
        func msr(_ index: UInt32, cpu: Int) -> Result<UInt64, ReadFailure> {
            asked.withLock { $0.append(index) }
            return base.msr(index, cpu: cpu)
        }
    }

    private func run(_ arguments: [String], on machine: any Machine, json: Bool = false) throws -> CommandOutput {
        let command = try #require(try HVCtl.parseAsRoot(["msr"] + arguments) as? MSRCommand)
        return try command.produce(CommandContext(machine: machine, json: json, color: false))
    }

    private func snapshot(_ fixture: String) throws -> SnapshotMachine {
        try SnapshotMachine(path: FixturePaths.snapshot(fixture))
    }

    /// GUEST_IDLE is never read: not by default, not with --force, not when named by address or name.
    @Test(arguments: [
        ["--all-cpus"], ["--all-cpus", "--force"], ["0x400000F0"], ["0x400000f0", "--force"],
        ["guest_idle", "--force", "--all-cpus"], ["HV_X64_MSR_GUEST_IDLE", "RESET", "EOI", "EOM", "--force"],
    ])
    func guestIdleIsNeverRead(_ arguments: [String]) throws {
        let machine = try RecordingMachine("azure-d8ds-v5")
        let output = try run(arguments, on: machine)
        #expect(!machine.reads.contains(0x4000_00F0))
        for index in MSRSafety.denied.keys { #expect(!machine.reads.contains(index), "\(hex32(index))") }
        #expect(output.status == .success)
        if arguments.contains(where: { $0.lowercased().contains("f0") || $0.contains("IDLE") || $0.contains("idle") }) {
            #expect(output.stdout.contains("unsafe"))
        }
    }

    /// ws2016-gen1 lacks EAX[15]: TSC_INVARIANT_CONTROL is not read without --force; with it the
    /// capture's EIO comes back.
    @Test func notGrantedNeedsForce() throws {
        let machine = try RecordingMachine("ws2016-gen1")
        let output = try run(["TSC_INVARIANT_CONTROL", "--json"], on: machine, json: true)
        #expect(!machine.reads.contains(0x4000_0118))
        #expect(output.stdout.contains("\"error\": \"not_granted\""))
        #expect(output.stderrLines(verbose: true).contains { $0.contains("not granted") && $0.contains("EAX[15]") })
        let forced = try run(["tsc_invariant_control", "--force"], on: machine)
        #expect(machine.reads.contains(0x4000_0118))
        #expect(forced.stdout.contains("EIO"))
    }

    @Test func namesAndAddressesKeepTheirOrder() throws {
        let output = try run(
            ["sint2", "hv_x64_msr_reference_tsc", "0x40000000", "SINT2"], on: try snapshot("azure-d8ds-v5"), json: true)
        let root = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let cpus = try #require(root?["cpus"] as? [[String: Any]])
        let msrs = try #require(cpus.first?["msrs"] as? [[String: Any]])
        #expect(msrs.compactMap { $0["name"] as? String } == ["SINT2", "REFERENCE_TSC", "GUEST_OS_ID"])
        #expect(cpus.first?["vp_index"] as? Int == 0)
    }

    @Test(arguments: [["NOPE"], ["0x10"], ["0x40000050"], ["--cpu", "9"], ["0xZZ"]])
    func badArgumentsAreUsageErrors(_ arguments: [String]) throws {
        #expect {
            try run(arguments, on: try snapshot("azure-d8ds-v5"))
        } throws: { error in
            (error as? CommandFailure)?.status == .usage
        }
    }

    @Test func cpuAndAllCPUsExcludeEachOther() {
        #expect(throws: (any Error).self) { try HVCtl.parseAsRoot(["msr", "--cpu", "1", "--all-cpus"]) }
    }

    /// An uncatalogued synthetic address is read raw with --force.
    @Test func uncataloguedAddressWithForce() throws {
        let output = try run(["0x40000050", "GUEST_OS_ID", "--force"], on: try snapshot("azure-d8ds-v5"))
        #expect(output.stdout.contains("0x40000050   0x40000050  not captured"))
        #expect(output.status == .success)
    }

    /// Exit statuses: a healthy capture 0, all EACCES 77, all ENOENT 69 (with the modprobe hint),
    /// arm64 69, a snapshot without captures 65, not Hyper-V 69.
    @Test func exitStatuses() throws {
        #expect(try run(["--all-cpus"], on: try snapshot("azure-d8ds-v5")).status == .success)
        let denied = try run(["--all-cpus"], on: try snapshot("ws2019-phantom-cpus"))
        #expect(denied.status == .permissionDenied)
        #expect(denied.stderrLines(verbose: true).contains { $0.contains("run as root") })
        let missing = try run([], on: try snapshot("vmbus-broken"))
        #expect(missing.status == .notApplicable)
        #expect(missing.stderrLines(verbose: true).filter { $0.contains("modprobe msr") }.count == 1)
        for (fixture, status) in [
            ("azure-arm64", ExitStatus.notApplicable), ("wsl2-26100", .invalidInput), ("kvm-guest", .notApplicable),
        ] {
            #expect {
                try run([], on: try snapshot(fixture))
            } throws: { error in
                (error as? CommandFailure)?.status == status
            }
        }
    }

    /// A garbled `msr/cpu0.txt` is bad input (65), not an I/O error (74) (issue 12).
    @Test func aGarbledCaptureIsInvalidInput() throws {
        let scratch = try TemporaryDirectory(prefix: "hvctl-msr-")
        let copy = scratch.path + "/snapshot"
        try FileManager.default.copyItem(atPath: FixturePaths.snapshot("azure-d8ds-v5"), toPath: copy)
        try Data("garbage here\n".utf8).write(to: URL(fileURLWithPath: copy + "/msr/cpu0.txt"))
        let result = try CommandHarness.runBinary(["--snapshot", copy, "msr", "guest_os_id"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stdout.contains("msr/cpu0.txt: line 1"))
    }

    /// The contract's keys and the fields scripts rely on, from the healthy capture.
    @Test func jsonContract() throws {
        let output = try run(["--all-cpus"], on: try snapshot("azure-d8ds-v5"), json: true)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let cpus = try #require(root["cpus"] as? [[String: Any]])
        #expect(cpus.count == 8)
        #expect(cpus.map { $0["vp_index"] as? Int } == Array(0...7))
        let msrs = try #require(cpus[0]["msrs"] as? [[String: Any]])
        func fields(_ name: String) -> [String: Any]? {
            msrs.first { $0["name"] as? String == name }?["fields"] as? [String: Any]
        }
        let first = try #require(msrs.first)
        #expect(first["index"] as? String == "0x40000000")
        #expect(first["raw"] as? String == "0x8100000601c00000")
        #expect(first["error"] is NSNull)
        #expect(fields("GUEST_OS_ID")?["open_source"] as? Bool == true)
        #expect(fields("GUEST_OS_ID")?["os_type"] as? String == "linux")
        #expect(fields("GUEST_OS_ID")?["kernel_version"] as? String == "6.1.192")
        #expect(fields("HYPERCALL")?["enabled"] as? Bool == true)
        #expect((fields("REFERENCE_TSC")?["page_gpa"] as? String)?.hasPrefix("0x") == true)
        #expect(fields("TSC_FREQUENCY")?["hz"] as? Int == 2_793_437_512)
        #expect(fields("APIC_FREQUENCY")?["hz"] as? Int == 200_000_000)
        #expect(fields("SCONTROL")?["enabled"] as? Bool == true)
        #expect(fields("SINT2")?["vector"] as? Int == 0xF3)
        #expect(fields("SINT2")?["masked"] as? Bool == false)
        #expect(fields("SINT2")?["auto_eoi"] as? Bool == true)
        #expect(fields("SINT2")?["polling"] as? Bool == false)
        #expect(fields("STIMER0_CONFIG")?["direct_mode"] as? Bool == true)
        #expect(fields("STIMER0_CONFIG")?["sintx"] as? Int == 0)
        #expect(fields("STIMER0_CONFIG")?["periodic"] as? Bool == false)
        #expect(fields("CRASH_CTL")?["crash_notify"] as? Bool == true)
        #expect(msrs.allSatisfy { $0["matches"] as? Bool != false })
    }
}
