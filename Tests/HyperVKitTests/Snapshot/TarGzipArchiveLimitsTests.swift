import Foundation
import Testing

@testable import HyperVKit

/// Issue 12: links chained through other links, decompression bombs, member floods and pax
/// records, each refused (or read) as the rules say, with one message.
@Suite struct TarGzipArchiveLimitsTests {
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

    private func refusal(_ path: String) -> String? {
        do {
            _ = try SnapshotMachine(path: path)
            return nil
        } catch {
            return (error as? SnapshotError)?.message ?? "\(error)"
        }
    }

    /// Each link alone stays inside; together they lead out (`d/s` is the root, so `t` is its
    /// parent). Checked whatever the order of the members.
    @Test(arguments: [false, true])
    func refusesAChainOfLinksThatLeadsOut(reversed: Bool) throws {
        let scratch = try ScratchDirectory()
        var links: [TarGzipWriter.Entry] = [
            .symlink(path: "d/s", target: ".."), .symlink(path: "t", target: "d/s/.."),
        ]
        if reversed { links.reverse() }
        let path = try archive([manifest, .directory(path: "d")] + links, in: scratch)
        #expect(refusal(path)?.contains("is a chain of links that leads outside the snapshot") == true)
        let dot = try archive(
            [manifest, .symlink(path: "s", target: "."), .symlink(path: "x/up", target: "../s/s/s/..")], in: scratch)
        #expect(refusal(dot)?.contains("leads outside the snapshot") == true)
    }

    @Test func refusesALoopButKeepsDanglingAndInsideLinks() throws {
        let scratch = try ScratchDirectory()
        let loop = try archive(
            [manifest, .symlink(path: "a", target: "b"), .symlink(path: "b", target: "a")], in: scratch)
        #expect(refusal(loop)?.contains("a loop of links") == true)
        // vmbus-broken has a dangling device link: that stays legal, as do links within the tree.
        let fine = try archive(
            [
                manifest, .directory(path: "sys/devices/x"), .symlink(path: "sys/bus/d", target: "../devices/x"),
                .symlink(path: "sys/bus/gone", target: "../devices/missing"),
                .symlink(path: "sys/bus/chain", target: "d/../d"),
            ], in: scratch)
        #expect(refusal(fine) == nil)
    }

    /// 3 × 100 MiB of zeros packs into about 300 KB: each member is below the cap and is streamed to
    /// disk (never held whole); the third passes it. A header claiming more is refused at once.
    @Test func refusesADecompressionBomb() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path + "/bomb.tar.gz"
        let script = """
            import io, sys, tarfile
            class Zeros(io.RawIOBase):
                def __init__(self, n): self.left = n
                def readable(self): return True
                def readinto(self, b):
                    n = min(len(b), self.left); b[:n] = bytes(n); self.left -= n; return n
            with tarfile.open(sys.argv[1], 'w:gz', compresslevel=1) as tar:
                for name in ['a', 'b', 'c']:
                    info = tarfile.TarInfo(name); info.size = 100 << 20
                    tar.addfile(info, io.BufferedReader(Zeros(info.size)))
            """
        #expect(try runTool("/usr/bin/python3", ["-c", script, path]) == 0)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(size < 2 << 20)
        #expect(refusal(path)?.contains("expands to more than \(TarGzipArchive.maxExpandedBytes) bytes") == true)
        #expect(refusal(path)?.contains("member c of 104857600 bytes") == true)
    }

    @Test func refusesTooManyMembersQuickly() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path + "/flood.tar.gz"
        let writer = try TarGzipWriter(path: path)
        try writer.add(manifest)
        for index in 0..<TarGzipArchive.maxMembers { try writer.add(.directory(path: "d/\(index % 4)")) }
        try writer.finish()
        #expect(refusal(path)?.contains("more than \(TarGzipArchive.maxMembers) members") == true)
    }

    /// A pax record's length covers the whole record, so a value may hold a newline.
    @Test func paxRecordsAreSplitByTheirLength() {
        func record(_ key: String, _ value: String) -> [UInt8] {
            let body = " \(key)=\(value)\n"
            var length = body.utf8.count + 1
            while String(length).utf8.count + body.utf8.count != length { length += 1 }
            return Array((String(length) + body).utf8)
        }
        let data = record("path", "sys/a\nb") + record("linkpath", "x") + Array("9 broken".utf8)
        let records = TarHeader.paxRecords(data)
        #expect(records["path"] == "sys/a\nb")
        #expect(records["linkpath"] == "x")
        #expect(records.count == 2)
    }
}
