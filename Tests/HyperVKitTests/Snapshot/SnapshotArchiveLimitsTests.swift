import Foundation
import Testing

@testable import HyperVKit

/// Issue 12: links chained through other links, decompression bombs, member floods and pax
/// records, each refused (or read) as the rules say, with one message.
@Suite struct SnapshotArchiveLimitsTests {
    private func archive(_ entries: [TarGzipWriter.Entry], in scratch: ScratchDirectory) throws -> String {
        let path = scratch.path + "/snapshot.tar.gz"
        let writer = try TarGzipWriter(path: path)
        for entry in entries { try writer.add(entry) }
        try writer.finish()
        return path
    }

    private let manifestBytes = Array(
        #"{"format":1,"createdAt":"x","tool":"hvctl","arch":"x86_64","kernelRelease":"6.1.0"}"#.utf8)
    private var manifest: TarGzipWriter.Entry { .file(path: "hvctl-snapshot.json", bytes: manifestBytes) }

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
        #expect(refusal(path)?.contains("expands to more than \(SnapshotArchive.maxExpandedBytes) bytes") == true)
        #expect(refusal(path)?.contains("member c of 104857600 bytes") == true)
    }

    @Test func refusesTooManyMembersQuickly() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path + "/flood.tar.gz"
        let writer = try TarGzipWriter(path: path)
        try writer.add(manifest)
        for index in 0..<SnapshotArchive.maxMembers { try writer.add(.directory(path: "d/\(index % 4)")) }
        try writer.finish()
        #expect(refusal(path)?.contains("more than \(SnapshotArchive.maxMembers) members") == true)
    }

    /// A pax record's length covers the whole record, so a value may hold a newline: libarchive
    /// reads the `path` and `linkpath` records whole (Python's tarfile writes them).
    @Test func paxRecordsMayHoldNewlines() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path + "/pax.tar.xz"
        let script = """
            import io, sys, tarfile
            with tarfile.open(sys.argv[1], 'w:xz', format=tarfile.PAX_FORMAT) as tar:
                for name, data in [('hvctl-snapshot.json', sys.argv[2].encode()), ('sys/a\\nb', b'1\\n')]:
                    info = tarfile.TarInfo(name); info.size = len(data); tar.addfile(info, io.BytesIO(data))
                link = tarfile.TarInfo('sys/l'); link.type = tarfile.SYMTYPE; link.linkname = 'a\\nb'
                tar.addfile(link)
            """
        let manifestText = String(decoding: manifestBytes, as: UTF8.self)
        #expect(try runTool("/usr/bin/python3", ["-c", script, path, manifestText]) == 0)
        let machine = try SnapshotMachine(path: path)
        #expect(try machine.attribute(at: "/sys/a\nb").get() == "1")
        #expect(try machine.link(at: "/sys/l").get() == "a\nb")
    }

    /// Issue 17: the refusals hold whatever the compression. Python writes each format with the
    /// library sos itself uses (tarfile), zstd through the zstd tool.
    @Test(arguments: ["xz", "bz2", "gz"])
    func refusesMembersOutsideTheTreeInEveryCompression(_ compression: String) throws {
        let scratch = try ScratchDirectory()
        for (index, (name, link, why)) in [
            ("../escape", "", "\"..\" component"), ("/etc/passwd", "", "absolute path"),
            ("sys/out", "../../etc", "points outside the snapshot"),
        ].enumerated() {
            let path = scratch.path + "/hostile\(index).tar.\(compression)"
            let script = """
                import io, sys, tarfile
                with tarfile.open(sys.argv[1], 'w:\(compression)') as tar:
                    info = tarfile.TarInfo(sys.argv[2])
                    if sys.argv[3]:
                        info.type = tarfile.SYMTYPE; info.linkname = sys.argv[3]; tar.addfile(info)
                    else:
                        info.size = 1; tar.addfile(info, io.BytesIO(b'1'))
                """
            #expect(try runTool("/usr/bin/python3", ["-c", script, path, name, link]) == 0)
            let message = refusal(path)
            #expect(message?.contains(why) == true, "\(name): \(message ?? "accepted")")
            #expect(message?.contains("\n") == false)
        }
    }

    /// An xz bomb: 300 MiB of zeros in one member packs into about 45 KB and is refused on its
    /// header; one streamed past the cap (many members below it) is refused as it expands.
    @Test func refusesAnXZBomb() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path + "/bomb.tar.xz"
        let script = """
            import io, sys, tarfile
            class Zeros(io.RawIOBase):
                def __init__(self, n): self.left = n
                def readable(self): return True
                def readinto(self, b):
                    n = min(len(b), self.left); b[:n] = bytes(n); self.left -= n; return n
            with tarfile.open(sys.argv[1], 'w:xz', preset=1) as tar:
                for name in ['a', 'b', 'c']:
                    info = tarfile.TarInfo(name); info.size = 100 << 20
                    tar.addfile(info, io.BufferedReader(Zeros(info.size)))
            """
        #expect(try runTool("/usr/bin/python3", ["-c", script, path]) == 0)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(size < 1 << 20)
        #expect(refusal(path)?.contains("member c of 104857600 bytes: it expands to more than") == true)
    }

    @Test(arguments: ["xz", "bz2", "gz"])
    func refusesATruncatedArchive(_ compression: String) throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path + "/whole.tar.\(compression)"
        let script = """
            import io, os, sys, tarfile
            with tarfile.open(sys.argv[1], 'w:\(compression)') as tar:
                data = os.urandom(200000)
                info = tarfile.TarInfo('big'); info.size = len(data); tar.addfile(info, io.BytesIO(data))
            """
        #expect(try runTool("/usr/bin/python3", ["-c", script, path]) == 0)
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let truncated = try scratch.write("truncated.tar.\(compression)", Array(bytes.prefix(bytes.count / 2)))
        let message = refusal(truncated)
        #expect(message?.hasPrefix("cannot unpack \(truncated): ") == true, "\(message ?? "accepted")")
        #expect(message?.contains("\n") == false)
    }
}
