import Foundation
import Testing

@testable import HyperVKit

/// docs/snapshot-format.md, "Rules": a tarball is unpacked into a private temporary directory and
/// members with absolute paths, `..` components, or links that point outside are refused.
@Suite struct SnapshotArchiveTests {
    private func archive(_ entries: [TarGzipWriter.Entry], in scratch: ScratchDirectory) throws -> String {
        let path = scratch.path + "/snapshot.tar.gz"
        let writer = try TarGzipWriter(path: path)
        for entry in entries { try writer.add(entry) }
        try writer.finish()
        return path
    }

    private let manifest = TarGzipWriter.Entry.file(
        path: "hvctl-snapshot.json",
        bytes: Array(#"{"format":1,"createdAt":"x","tool":"hvctl","arch":"x86_64","kernelRelease":"6.1.0"}"#.utf8))

    @Test func unpacksFilesDirectoriesAndLinksIntoAPrivateDirectory() throws {
        let scratch = try ScratchDirectory()
        let path = try archive(
            [
                manifest, .directory(path: "sys/devices/x"),
                .file(path: "sys/devices/x/class_id", bytes: Array("{f8615163-df3e-46c5-913f-f2d2f965ed0e}\n".utf8)),
                .symlink(path: "sys/bus/vmbus/devices/x", target: "../../../devices/x"),
            ], in: scratch)
        let machine = try SnapshotMachine(path: path)
        #expect(machine.rootPath != scratch.path)
        var info = stat()
        #expect(stat(machine.rootPath, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o700)
        #expect(
            try machine.attribute(at: "/sys/bus/vmbus/devices/x/class_id").get()
                == "{f8615163-df3e-46c5-913f-f2d2f965ed0e}")
        #expect(try machine.link(at: "/sys/bus/vmbus/devices/x").get() == "../../../devices/x")
    }

    @Test func removesTheUnpackedCopyWithTheMachine() throws {
        let scratch = try ScratchDirectory()
        let path = try archive([manifest], in: scratch)
        var root = ""
        do {
            let machine = try SnapshotMachine(path: path)
            root = machine.rootPath
            #expect(FileManager.default.fileExists(atPath: root))
        }
        #expect(!FileManager.default.fileExists(atPath: root))
    }

    @Test(arguments: [
        ("/etc/passwd", "absolute path"),
        ("../escape", "\"..\" component"),
        ("sys/../../escape", "\"..\" component"),
    ])
    func refusesHostileNames(_ name: String, _ why: String) throws {
        let scratch = try ScratchDirectory()
        let path = try archive([manifest, .file(path: name, bytes: [1])], in: scratch)
        #expect {
            try SnapshotMachine(path: path)
        } throws: { error in
            (error as? SnapshotError)?.message.contains(why) == true
        }
    }

    @Test(arguments: ["/etc", "../../..", "a/../../../etc", "../.."])
    func refusesLinksOutOfTheSnapshot(_ target: String) throws {
        let scratch = try ScratchDirectory()
        let path = try archive([manifest, .symlink(path: "sys/link", target: target)], in: scratch)
        #expect {
            try SnapshotMachine(path: path)
        } throws: { error in
            (error as? SnapshotError)?.message.contains("points outside the snapshot") == true
        }
    }

    @Test func neverWritesThroughALinkPlantedEarlierInTheArchive() throws {
        let scratch = try ScratchDirectory()
        let outside = scratch.path + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        // A link that stays inside lexically, then a file "through" it: the directory must be real.
        let path = try archive(
            [manifest, .symlink(path: "a", target: "b"), .file(path: "a/file", bytes: [1])], in: scratch)
        #expect(throws: SnapshotError.self) { try SnapshotMachine(path: path) }
    }

    @Test(arguments: [
        (UInt8(ascii: "1"), "hard link"), (UInt8(ascii: "3"), "not a file"), (UInt8(ascii: "6"), "not a file"),
    ])
    func refusesHardLinksDevicesAndFifos(_ type: UInt8, _ why: String) throws {
        let scratch = try ScratchDirectory()
        let path = try archive(
            [manifest, .raw(path: "x", type: type, linkName: "hvctl-snapshot.json", bytes: [])], in: scratch)
        #expect {
            try SnapshotMachine(path: path)
        } throws: { error in
            (error as? SnapshotError)?.message.contains(why) == true
        }
    }

    @Test func refusesTruncatedAndCorruptArchives() throws {
        let scratch = try ScratchDirectory()
        let path = try archive(
            [manifest, .file(path: "big", bytes: [UInt8](repeating: 7, count: 100_000))], in: scratch)
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let truncated = try scratch.write("truncated.tar.gz", Array(bytes.prefix(bytes.count / 2)))
        #expect(throws: SnapshotError.self) { try SnapshotMachine(path: truncated) }
        var garbled = bytes
        for index in 20..<min(200, garbled.count) { garbled[index] ^= 0x5A }
        let corrupt = try scratch.write("corrupt.tar.gz", garbled)
        #expect(throws: SnapshotError.self) { try SnapshotMachine(path: corrupt) }
        let notTar = try scratch.write("plain.tar.gz", [0x1F, 0x8B] + [UInt8](repeating: 0x41, count: 600))
        #expect(throws: SnapshotError.self) { try SnapshotMachine(path: notTar) }
    }

    @Test func readsLongNamesAndWhatGNUTarMakes() throws {
        let scratch = try ScratchDirectory()
        let long =
            "sys/devices/LNXSYSTM:00/LNXSYBUS:00/ACPI0004:00/MSFT1000:00/"
            + "f8b3781b-1e82-4818-a1c3-63d806ec15bb/channels/15/out_full_total_with_a_very_long_name_to_pass_one_hundred"
        let path = try archive([manifest, .file(path: long, bytes: Array("0\n".utf8))], in: scratch)
        #expect(try SnapshotMachine(path: path).attribute(at: "/" + long).get() == "0")

        // A snapshot directory packed by GNU tar, with a top-level directory, reads the same.
        let tree = try ScratchDirectory()
        try tree.writeManifest()
        try tree.write("kernel.log", "[    0.000000] Hyper-V: Host Build 10.0.20348.2700-0-0\n")
        let tarball = scratch.path + "/gnu.tar.gz"
        let status = try runTool(
            "/bin/tar",
            [
                "czf", tarball, "-C", URL(fileURLWithPath: tree.path).deletingLastPathComponent().path,
                URL(fileURLWithPath: tree.path).lastPathComponent,
            ])
        #expect(status == 0)
        #expect(
            try SnapshotMachine(path: tarball).kernelLog().get() == [
                "[    0.000000] Hyper-V: Host Build 10.0.20348.2700-0-0"
            ])
    }

    @Test func gnuTarListsWhatTheWriterMakes() throws {
        let scratch = try ScratchDirectory()
        let path = try archive(
            [manifest, .directory(path: "sys"), .symlink(path: "sys/l", target: "../hvctl-snapshot.json")], in: scratch)
        #expect(try runTool("/bin/tar", ["tzf", path]) == 0)
    }
}
