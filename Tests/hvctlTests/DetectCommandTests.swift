import Foundation
import HyperVKit
import Testing

/// `hvctl detect`, as `systemd-detect-virt` is used: the word, and an exit status a shell `if`
/// can trust. The expected words come from each fixture's PROVENANCE: azure-d8ds-v5 is an Azure
/// Hyper-V guest, wsl2-26100 is WSL2, kvm-hyperv-imitation is KVM with QEMU's Hyper-V
/// enlightenments ("Microsoft Hv" at 0x40000000, KVM at 0x40000100, the kernel says KVM),
/// bare-metal has CPUID.1:ECX[31] clear, and azure-vmbus-only has a VMBus but no CPUID.
@Suite struct DetectCommandTests {
    @Test(arguments: [
        ("azure-d8ds-v5", "hyperv", Int32(0)), ("azure-vmbus-only", "hyperv", 0), ("wsl2-26100", "wsl", 0),
        ("kvm-hyperv-imitation", "kvm", 1), ("kvm-guest", "kvm", 1), ("bare-metal", "none", 1),
    ])
    func saysOneWordAndExitsZeroOnlyOnHyperV(_ fixture: String, _ word: String, _ status: Int32) throws {
        let result = try CommandHarness.runBinary(["--snapshot", FixturePaths.snapshot(fixture), "detect"])
        #expect(result.stdout == word + "\n", "\(fixture): \(result.stderr)")
        #expect(result.status == status, "\(fixture)")

        let quiet = try CommandHarness.runBinary(["--snapshot", FixturePaths.snapshot(fixture), "detect", "-q"])
        #expect(quiet.status == status, "\(fixture)")
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(fixture): \(quiet.stdout)\(quiet.stderr)")
    }

    /// A capture that holds nothing but its manifest is unknown: no yes, and is_hyperv null, not
    /// false.
    @Test func nothingToGoByIsUnknownAndNotYes() throws {
        let directory = try TemporaryDirectory(prefix: "hvctl-detect-")
        let manifest = #"{"format": 1, "created_at": "2026-12-03T10:00:00Z", "tool": "hvctl 0.1.0", "arch": "x86_64"}"#
        try Data((manifest + "\n").utf8).write(to: URL(fileURLWithPath: directory.path + "/hvctl-snapshot.json"))
        let result = try CommandHarness.runBinary(["--snapshot", directory.path, "detect"])
        #expect(result.stdout == "unknown\n")
        #expect(result.status == 1)
        // Why it cannot tell, in one line, as info says it.
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("holds no CPUID (no cpuid.txt)") && result.stderr.contains("no kernel log"))

        let json = try CommandHarness.runBinary(["--snapshot", directory.path, "--json", "detect"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["hypervisor"] as? String == "unknown")
        #expect(object["is_hyperv"] is NSNull)
        #expect(json.status == 1)
    }

    /// The JSON agrees with info's identity, so detect and info can never disagree.
    @Test func agreesWithInfo() throws {
        for fixture in ["azure-d8ds-v5", "kvm-hyperv-imitation", "azure-arm64-vmbus", "pasted-log"] {
            let snapshot = ["--snapshot", FixturePaths.snapshot(fixture), "--json"]
            let detect = try CommandHarness.runBinary(snapshot + ["detect"])
            let info = try CommandHarness.runBinary(snapshot + ["info"])
            let d = try #require(try JSONSerialization.jsonObject(with: Data(detect.stdout.utf8)) as? [String: Any])
            let i = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
            let identity = try #require(i["identity"] as? [String: Any])
            #expect(d["is_hyperv"] as? Bool == identity["is_genuine_hyperv"] as? Bool, "\(fixture)")
            #expect(d["name"] as? String == identity["name"] as? String, "\(fixture)")
            #expect(d["confidence"] as? String == identity["confidence"] as? String, "\(fixture)")
        }
    }

    @Test func quietAndJSONExcludeEachOther() throws {
        let result = try CommandHarness.runBinary(["--json", "detect", "-q"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("hvctl: ") || result.stdout.contains("exclude each other"))
    }
}
