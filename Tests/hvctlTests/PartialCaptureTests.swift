import Foundation
import HyperVKit
import Testing

/// Issue 13 through the built binary: partial captures answer as well as full ones.
@Suite struct PartialCaptureTests {
    private func run(_ fixture: String, _ arguments: [String]) throws -> CommandHarness.ProcessResult {
        try CommandHarness.runBinary(["--snapshot", FixturePaths.snapshot(fixture)] + arguments)
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: ["azure-vmbus-only", "azure-arm64-vmbus"])
    func aVMBusTreeIsAHyperVGuest(_ fixture: String) throws {
        let info = try run(fixture, ["--json", "info"])
        #expect(info.status == 0, "\(info.stderr)")
        let document = try json(info.stdout)
        let identity = try #require(document["identity"] as? [String: Any])
        #expect(identity["is_genuine_hyperv"] as? Bool == true)
        #expect((identity["evidence"] as? [String])?.contains { $0.hasSuffix("under /sys/bus/vmbus/devices") } == true)
        #expect(identity["confidence"] as? String == "strong")
        #expect((document["environment"] as? [String: Any])?["kind"] as? String == "azure")

        let health = try run(fixture, ["--json", "health"])
        let checks = try #require(try json(health.stdout)["checks"] as? [[String: Any]])
        #expect(checks.first { $0["id"] as? String == "hyperv.detected" }?["status"] as? String == "pass")
        // The other checks ran: the VMBus ones pass on these trees rather than skipping.
        #expect(checks.first { $0["id"] as? String == "vmbus.devices_bound" }?["status"] as? String == "pass")
        #expect(checks.first { $0["id"] as? String == "channels.offline_cpu" }?["status"] as? String == "pass")
        #expect(!info.stdout.contains("not a Hyper-V guest") && !health.stdout.contains("not a Hyper-V guest"))
    }

    @Test(arguments: ["azure-vmbus-only", "azure-arm64-vmbus", "vmbus-broken", "ws2016-gen1"])
    func channelWarningsAreSummarised(_ fixture: String) throws {
        let result = try run(fixture, ["vmbus", "channels"])
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count <= 10, "\(result.stderr)")
        let verbose = try run(fixture, ["--verbose", "vmbus", "channels"])
        #expect(verbose.stderr.split(separator: "\n").count >= lines.count)
    }

    /// `cpu offline-check` typed bare, as the design card writes it: never a usage error.
    @Test(arguments: FixturePaths.snapshotNames)
    func bareOfflineCheckWorks(_ fixture: String) throws {
        let result = try run(fixture, ["cpu", "offline-check"])
        #expect([0, 1, 65].contains(result.status), "\(fixture): \(result.stderr)")
        #expect(!result.stderr.contains("give a CPU list"))
        if result.status == 65 { #expect(result.stderr.contains("holds no list of online CPUs")) }
    }

    @Test func registersAloneGiveTheCPUList() throws {
        let list = try run("cpuid-msr-only", ["--json", "cpu", "list"])
        #expect(list.status == 0, "\(list.stderr)")
        let document = try json(list.stdout)
        #expect((document["cpus"] as? [[String: Any]])?.count == 4)
        #expect(document["online_source"] as? String == "register_captures")
        #expect(document["possible"] is NSNull)
        let msr = try run("cpuid-msr-only", ["--json", "msr", "--all-cpus", "guest_os_id"])
        #expect(msr.status == 0)
        #expect((try json(msr.stdout)["cpus"] as? [[String: Any]])?.map { $0["cpu"] as? Int } == [0, 1, 2, 3])
        // Without sysfs, whether a CPU may go offline is unknown: never "yes".
        let check = try run("cpuid-msr-only", ["--json", "cpu", "offline-check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("\"hotplug_unknown\""))
        #expect(!check.stdout.contains("\"can_offline\": true"))
    }

    /// A repair is said: the joined line appears once on stderr and in JSON diagnostics.
    @Test func aJoinedLineIsSaid() throws {
        let result = try run("pasted-log", ["--json", "features"])
        #expect(result.stderr.contains("line 2: joined with the next line, taken for a line a mail client wrapped"))
        #expect(result.stdout.contains("joined with the next line"))
    }

    @Test func isolationOnlyLogsDecode() throws {
        for (fixture, type) in [("snp-isolation-log", "snp"), ("tdx-isolation-log", "tdx")] {
            let result = try run(fixture, ["--json", "features"])
            #expect(result.status == 0, "\(fixture): \(result.stderr)")
            let isolation = try #require(try json(result.stdout)["isolation"] as? [String: Any])
            #expect(isolation["type"] as? String == type)
            #expect(isolation["paravisor"] as? Bool == true)
        }
    }

    /// Neither CPUID nor a kernel log: features says both are missing, not "use --source kernel-log".
    @Test func featuresWithoutAnySourceSaysSo() throws {
        let result = try run("azure-vmbus-only", ["features"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("holds no CPUID (no cpuid.txt), and "))
        #expect(!result.stderr.contains("--source kernel-log"))
    }
}
