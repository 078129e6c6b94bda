import Foundation
import HyperVKit
import Testing

/// Issue 12: identifying strings planted everywhere a capture reads (host name, kernel log with
/// BSD and RFC 5424 syslog prefixes, the kernel command line, KVP keys and values, DMI) never
/// survive a default `hvctl snapshot`, in any spelling listed here; and the manifest holds no path
/// the user typed.
@Suite struct RedactionCorpusTests {
    /// What must go, each with where it is planted. Matched case-insensitively in every script.
    static let corpus: [String] = [
        "Ünïcode-Web01", "ÜNÏCODE-WEB01", "ünïcode-web01",  // the host name, in three cases
        "bsdhost17", "rfc5424-host",  // syslog host fields
        "10.1.2.3", "168.63.129.16", "192.168.10.20",  // IPv4
        "2001:db8:85a3::8a2e:370:7334", "fe80::215:5dff:feaa:bbcf", "::ffff:10.9.8.7",  // IPv6
        "00:15:5d:aa:bb:cc", "00-15-5D-AA-BB-CD", "0015.5daa.bbce", "00155daabbcf",  // MACs
        "4F6C2E1A-93D7-4B0E-A5C8-2D71E9B04F3A", "1a2e6c4f-d793-0e4b-a5c8-2d71e9b04f3a",  // the VM ID, two byte orders
        "4f6c2e1a93d74b0ea5c82d71e9b04f3a", "1a2e6c4fd7930e4ba5c82d71e9b04f3a",  // and without dashes
        "ContosoCustomerKey", "contoso-billing-7731",  // a custom KVP key and its value
        "BL3PPF1C0F0A4B2", "bl3prdapp04.fabric.example",  // the KVP host names
    ]

    private func plantedTree(scratch: TemporaryDirectory) throws -> (FixtureRootTree, String) {
        var tree = try FixtureRootTree(fixture: FixturePaths.snapshot("azure-d8ds-v5"))
        try FixtureRootTree.write(tree.path + "/proc/sys/kernel/hostname", Array("Ünïcode-Web01\n".utf8))
        try FixtureRootTree.write(
            tree.path + "/proc/cmdline",
            Array(
                "BOOT_IMAGE=/vmlinuz root=UUID=x ip=10.1.2.3::192.168.10.20:255.255.255.0:ÜNÏCODE-WEB01:eth0:off\n".utf8
            ))
        try FixtureRootTree.write(
            tree.path + "/sys/class/dmi/id/product_uuid", Array("1a2e6c4f-d793-0e4b-a5c8-2d71e9b04f3a\n".utf8))
        tree.planted["sys/class/dmi/id/product_uuid"] = nil
        let pool = tree.path + "/var/lib/hyperv/.kvp_pool_3"
        var bytes = try FixtureRootTree.read(pool)
        func field(_ text: String, _ size: Int) -> [UInt8] {
            Array(text.utf8) + [UInt8](repeating: 0, count: size - text.utf8.count)
        }
        bytes += field("ContosoCustomerKey", KVPPool.keySize) + field("contoso-billing-7731", KVPPool.valueSize)
        try FixtureRootTree.write(pool, bytes)
        let log = scratch.path + "/pasted.log"
        let lines = [
            "Mar  3 09:14:07 bsdhost17 kernel: [    0.000000] Hyper-V: Host Build 10.0.20348.2762-2-0",
            "<6>1 2026-03-03T09:14:07.123456+00:00 rfc5424-host kernel - - - [    1.104117] hv_vmbus: Vmbus version:5.3",
            "[    5.100000] hv_netvsc 000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c eth0: VF slot 1 added, mac 00:15:5d:aa:bb:cc",
            "[    5.200000] hv_netvsc: eth0 00-15-5D-AA-BB-CD 0015.5daa.bbce 00155daabbcf on ünïcode-web01.contoso.example",
            "[    5.300000] hv_netvsc: eth0 addr 168.63.129.16 2001:db8:85a3::8a2e:370:7334 fe80::215:5dff:feaa:bbcf/64",
            "[    5.400000] hv_vmbus: vm {4F6C2E1A-93D7-4B0E-A5C8-2D71E9B04F3A} 4f6c2e1a93d74b0ea5c82d71e9b04f3a",
            "[    5.500000] hv_vmbus: smbios 1A2E6C4FD7930E4BA5C82D71E9B04F3A on BL3PPF1C0F0A4B2.bl3prdapp04.fabric.example",
            "[    5.600000] hv_netvsc: mapped ::ffff:10.9.8.7",
        ]
        try FixtureRootTree.write(log, Array((lines.joined(separator: "\n") + "\n").utf8))
        return (tree, log)
    }

    /// Every file of the capture, as text.
    private func contents(of directory: String) throws -> [(String, String)] {
        var result: [(String, String)] = []
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let name = enumerator?.nextObject() as? String {
            let path = directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: path)
            else { continue }
            result.append((name, String(decoding: data, as: UTF8.self)))
        }
        return result
    }

    @Test func nothingIdentifyingSurvivesADefaultCapture() throws {
        let scratch = try TemporaryDirectory(prefix: "hvctl-corpus-")
        let (tree, log) = try plantedTree(scratch: scratch)
        let output = scratch.path + "/capture"
        let result = try CommandHarness.runBinary([
            "--root", tree.path, "--kernel-log", log, "snapshot", "-o", output,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try contents(of: output)
        #expect(files.count > 100)
        for (name, text) in files {
            let folded = text.lowercased()
            for secret in Self.corpus where folded.contains(secret.lowercased()) {
                Issue.record("\(secret) survived in \(name)")
            }
        }
        // The decoding the log is captured for still works on what is left.
        let version = try CommandHarness.runBinary(["--snapshot", output, "--json", "vmbus", "version"])
        #expect(version.stdout.contains("\"version\": \"5.3\""), "\(version.stdout)")
        // No path the user typed is in the manifest (it goes to support).
        let manifest = try #require(files.first { $0.0 == SnapshotManifest.fileName }?.1)
        #expect(!manifest.contains(tree.path) && !manifest.contains(log) && !manifest.contains("pasted.log"))
        #expect(manifest.contains("live system, files from a --root tree, kernel log from a --kernel-log file"))
        #expect(manifest.contains("IP address") && manifest.contains("non-standard key"))
    }
}
