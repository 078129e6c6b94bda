import Foundation
import Testing

@testable import hvctl

/// `hvctl kernel` through the built binary: the exit status scripts rely on, stdout and stderr
/// kept apart, and the JSON summary agreeing with the text.
@Suite struct KernelCommandTests {
    /// custom-kernel: hv_netvsc not built, hv_utils not loaded: exit 1, and each reason printed.
    @Test func unboundDevicesExitOne() throws {
        let result = try CommandHarness.runBinary(["--snapshot", FixturePaths.snapshot("custom-kernel"), "kernel"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Config         /proc/config.gz\n"))
        #expect(result.stdout.contains("hv_netvsc not built (CONFIG_HYPERV_NET is not set)"))
        #expect(result.stdout.contains("hv_utils is not loaded (CONFIG_HYPERV_UTILS=m): modprobe hv_utils"))
        #expect(result.stderr.isEmpty)
    }

    /// CONFIG_HYPERV and CONFIG_HYPERV_VMBUS both name hv_vmbus: its one parameter file
    /// (`sys/module/hv_vmbus/parameters/max_version` in the fixture) is one PARAMETERS line.
    @Test func aModuleNamedByTwoOptionsHasItsParametersOnce() throws {
        let result = try CommandHarness.runBinary(["--snapshot", FixturePaths.snapshot("azure-d8ds-v5"), "kernel"])
        let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("hv_vmbus ") }
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.contains("max_version=327683 (VMBus 5.3") == true)
    }

    @Test func everyDeviceBoundExitsZero() throws {
        let result = try CommandHarness.runBinary(["--snapshot", FixturePaths.snapshot("azure-d8ds-v5"), "kernel"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("VMBus devices  13 of 13 with a Linux driver bound\n"))
    }

    /// No kernel config at all: the report says where it looked, and still exits 0 when every
    /// device is bound.
    @Test func noConfig() throws {
        let result = try CommandHarness.runBinary(["--snapshot", FixturePaths.snapshot("wsl2-26100"), "kernel"])
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                "Config         none: neither /proc/config.gz nor /boot/config-6.6.87.2-microsoft-standard-WSL2 exists")
        )
    }

    @Test func jsonSummary() throws {
        let output = try CommandHarness.run(["--snapshot", FixturePaths.snapshot("custom-kernel"), "kernel", "--json"])
        #expect(output.status == .answerNo)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["devices"] as? Int == 11)
        #expect(summary["with_linux_driver"] as? Int == 11)
        #expect(summary["bound"] as? Int == 5)
        #expect(summary["unexplained"] as? Int == 0)
        let config = try #require(root["config"] as? [String: Any])
        #expect(config["source"] as? String == "/proc/config.gz")
        let hyperV = try #require(root["hyperv"] as? [String: Any])
        #expect(hyperV["value"] as? String == "m")
        let devices = try #require(root["devices"] as? [[String: Any]])
        let nic = try #require(devices.first { $0["class_short_name"] as? String == "nic" })
        #expect(nic["status"] as? String == "not_built")
        #expect(nic["explained"] as? Bool == true)
    }

    /// The protocol column on the same guest: the log has no IC version lines (hv_utils never
    /// loaded), so those devices show `-`; Dynamic Memory and synthetic video have theirs.
    @Test func protocolColumnWithoutICLines() throws {
        let output = try CommandHarness.run(["--snapshot", FixturePaths.snapshot("custom-kernel"), "vmbus", "devices"])
        let rows = output.stdout.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true)
        }
        let protocolByRelid = Dictionary(
            rows.dropFirst().compactMap { row -> (String, String)? in
                guard let relid = row.first, let device = row.last, device.count == 36 else { return nil }
                return (String(relid), String(row[row.count - 4]))
            }, uniquingKeysWith: { first, _ in first })
        #expect(protocolByRelid["1"] == "2.0")
        #expect(protocolByRelid["4"] == "3.5")
        for relid in ["5", "6", "7", "8", "9", "10"] { #expect(protocolByRelid[relid] == "-") }
    }
}
