import Foundation
import HyperVKit
import Testing

@testable import hvctl

/// `hvctl snapshot` as a user runs it: outputs, redaction, links, unreadable files, exit statuses.
@Suite struct SnapshotCommandTests {
    static let azure = FixturePaths.snapshot("azure-d8ds-v5")
    static let pasted = FixturePaths.snapshot("pasted-log") + "/kernel.log"

    @Test func aTarballReadsBackAsTheSameMachine() throws {
        let scratch = try TemporaryDirectory(prefix: "hvctl-snapshot-cmd-")
        let tarball = scratch.path + "/case.tar.gz"
        let result = try CommandHarness.runBinary(["--snapshot", Self.azure, "snapshot", "-o", tarball, "--no-redact"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Wrote "))
        #expect(result.stdout.contains("\(tarball) (tar.gz)\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["case.tar.gz"])
        SnapshotRoundTripTests.expectSameReplays(Self.azure, tarball, "tarball")
        // Written again over an existing tarball: replaced whole.
        let again = try CommandHarness.runBinary(["--snapshot", Self.azure, "snapshot", "-o", tarball])
        #expect(again.status == 0)
        #expect(try SnapshotMachine(path: tarball).manifest.redacted != nil)
    }

    /// Redaction by default: nothing a user would not paste into a ticket is left anywhere in the
    /// output, and the manifest says what went.
    @Test func redactsNamesMACsKVPValuesAndSerials() throws {
        let tree = try FixtureRootTree(fixture: Self.azure)
        let secrets = [
            "web01", "web01-prod", "00:15:5d:7a:3c:11", "0000-0002-7511-4377-2463-0455-87", "4b3c2a1d-5e6f-4a8b",
        ]
        try FixtureRootTree.write(tree.path + "/proc/sys/kernel/hostname", Array("web01-prod\n".utf8))
        let dmi = tree.path + "/sys/devices/virtual/dmi/id/"
        for name in ["product_serial", "board_serial", "chassis_serial"] {
            try FixtureRootTree.write(dmi + name, Array("0000-0002-7511-4377-2463-0455-87\n".utf8))
        }
        try FixtureRootTree.write(dmi + "product_uuid", Array("4b3c2a1d-5e6f-4a8b-9c0d-1e2f3a4b5c6d\n".utf8))
        let device = try FileManager.default.destinationOfSymbolicLink(
            atPath: tree.path + "/sys/bus/vmbus/devices/000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c")
        let uevent = tree.path + "/sys/bus/vmbus/devices/" + device + "/uevent"
        try FixtureRootTree.write(uevent, Array("DRIVER=hv_netvsc\nMAC=00:15:5d:7a:3c:11\n".utf8))
        let log =
            try String(contentsOfFile: Self.pasted, encoding: .utf8)
            + "Mar  3 09:14:09 web01 kernel: [    2.1] hv_netvsc 000d3a7c: eth0: VF registering: eth1 00:15:5D:7A:3C:11\n"
        try FixtureRootTree.write(tree.path + "/pasted.log", Array(log.utf8))
        let pool = try FixtureRootTree.read(tree.path + "/var/lib/hyperv/.kvp_pool_3")
        let values = try KVPPool.decode(pool).get().records.map(\.value).filter { $0.count >= 6 }
        #expect(!values.isEmpty)

        let output = tree.path + "-out.tar.gz"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try CommandHarness.runBinary([
            "--root", tree.path, "--kernel-log", tree.path + "/pasted.log", "snapshot", "-o", output,
        ])
        try #require(result.status == 0, "\(result.stderr)")
        let replay = try SnapshotMachine(path: output)
        let everything = TreeText.all(replay.rootPath)
        for secret in secrets + values {
            #expect(!everything.lowercased().contains(secret.lowercased()), "\(secret) is in the snapshot")
        }
        let redactedPool = try KVPPool.decode(try replay.file(at: KVPPool.hostPoolPath).get()).get()
        #expect(redactedPool.records.allSatisfy { $0.value == "REDACTED" })
        #expect(replay.attribute(at: "/sys/class/dmi/id/product_uuid") == .success("REDACTED"))
        let redacted = try #require(replay.manifest.redacted)
        for expected in [
            "var/lib/hyperv/.kvp_pool_3: ", "sys/class/dmi/id/product_uuid: value",
            "sys/class/dmi/id/board_serial: value",
            "kernel.log: host name in 19 syslog prefixes, 1 MAC address",
            "sys/bus/vmbus/devices/000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c/uevent: 1 MAC address",
        ] {
            #expect(redacted.contains { $0.hasPrefix(expected) }, "redacted lacks \(expected): \(redacted)")
        }
        #expect(result.stdout.contains("Redacted  "))
        // The log still decodes: WS2012 R2's VMBus 3.0 (reference §5.1).
        let version = try CommandHarness.run(["--snapshot", output, "vmbus", "version", "--json"]).stdout
        #expect(version.contains("\"version\": \"3.0\""))
    }

    /// A --root tree with links planted out of /sys: none is followed, each is listed.
    @Test func neverFollowsALinkOutOfSys() throws {
        let tree = try FixtureRootTree(fixture: FixturePaths.snapshot("wsl2-26100"))
        try FixtureRootTree.write(tree.path + "/etc/secret", Array("hunter2\n".utf8))
        try FileManager.default.createSymbolicLink(
            atPath: tree.path + "/sys/bus/vmbus/devices/planted", withDestinationPath: "/etc")
        try FileManager.default.removeItem(atPath: tree.path + "/sys/devices/system/cpu/nohz_full")
        try FileManager.default.createSymbolicLink(
            atPath: tree.path + "/sys/devices/system/cpu/nohz_full", withDestinationPath: "/etc/secret")
        let output = tree.path + "-out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try CommandHarness.runBinary(["--root", tree.path, "snapshot", "-o", output, "--json"])
        try #require(result.status == 0, "\(result.stderr)")
        #expect(!TreeText.all(output).contains("hunter2"))
        #expect(!FileManager.default.fileExists(atPath: output + "/etc"))
        let skipped = try SnapshotMachine(path: output).manifest.skipped ?? [:]
        #expect(skipped["sys/bus/vmbus/devices/planted"] == "link to /etc leaves /sys: not followed")
        #expect(skipped["sys/devices/system/cpu/nohz_full"] == "link to /etc/secret leaves /sys: not followed")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["schema_version"] as? Int == 1)
        #expect((json["skipped"] as? [[String: Any]])?.count == 2)
    }

    @Test func anUnreadableFileIsRecorded() throws {
        let tree = try FixtureRootTree(fixture: FixturePaths.snapshot("wsl2-26100"))
        try FixtureRootTree.plantSocket(
            at: tree.path + "/sys/devices/system/clocksource/clocksource0/current_clocksource")
        let output = tree.path + "-out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try CommandHarness.runBinary(["--root", tree.path, "snapshot", "-o", output])
        #expect(result.status == 0)
        #expect(result.stdout.contains("sys/devices/system/clocksource/clocksource0/current_clocksource: ENXIO"))
        let replay = try SnapshotMachine(path: output)
        #expect(
            replay.manifest.unreadable?["sys/devices/system/clocksource/clocksource0/current_clocksource"] == "ENXIO")
        #expect(
            replay.attribute(at: "/sys/devices/system/clocksource/clocksource0/current_clocksource")
                == .failure(.unreadable(.ENXIO)))
    }

    @Test func exitStatuses() throws {
        let scratch = try TemporaryDirectory(prefix: "hvctl-snapshot-exit-")
        try FixtureRootTree.write(scratch.path + "/taken/file", Array("keep\n".utf8))
        let taken = try CommandHarness.runBinary(["--snapshot", Self.azure, "snapshot", "-o", scratch.path + "/taken"])
        #expect(taken.status == 64)
        #expect(taken.stderr.contains("exists and is not empty"))
        #expect(try String(contentsOfFile: scratch.path + "/taken/file", encoding: .utf8) == "keep\n")
        let noLog = try CommandHarness.runBinary([
            "--snapshot", Self.azure, "--kernel-log", scratch.path + "/none.log", "snapshot", "-o", scratch.path + "/a",
        ])
        #expect(noLog.status == 65)
        #expect(noLog.stderr == "hvctl: cannot read the kernel log \(scratch.path)/none.log: not present\n")
        let noParent = try CommandHarness.runBinary([
            "--snapshot", Self.azure, "snapshot", "-o", scratch.path + "/missing/dir/out",
        ])
        #expect(noParent.status == 74)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["taken"])
        #expect(try CommandHarness.runBinary(["snapshot"]).status == 64)
    }

    /// `--kernel-log` decodes a pasted log against any machine.
    @Test func theKernelLogOptionFeedsEveryCommand() throws {
        let output = try CommandHarness.run([
            "--snapshot", Self.azure, "--kernel-log", Self.pasted, "vmbus", "version", "--json",
        ])
        #expect(output.stdout.contains("\"version\": \"3.0\""))
        #expect(output.stdout.contains("\"source\": \"kernel_log\""))
    }
}

/// Every byte of every file and link target under a directory, for "is this secret anywhere".
enum TreeText {
    static func all(_ root: String) -> String {
        var text = ""
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: root) else { return text }
        while let relative = walker.nextObject() as? String {
            let path = root + "/" + relative
            text += relative + "\n"
            if let target = try? manager.destinationOfSymbolicLink(atPath: path) {
                text += target + "\n"
                walker.skipDescendants()
            } else if let data = manager.contents(atPath: path) {
                text += String(decoding: data, as: UTF8.self) + "\n"
            }
        }
        return text
    }
}
