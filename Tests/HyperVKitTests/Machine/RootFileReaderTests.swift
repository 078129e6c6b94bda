import Dispatch
import Foundation
import Synchronization
import Testing

@testable import HyperVKit

#if canImport(Glibc)
    import Glibc
#endif

/// The root-relative reader must never leave its root (docs/architecture.md, "The seams"), with
/// openat2 and with the by-hand fallback alike.
@Suite struct RootFileReaderTests {
    static let modes = [true, false]

    private func tree() throws -> (ScratchDirectory, String) {
        let scratch = try ScratchDirectory()
        try scratch.write("outside-secret", "secret\n")
        try scratch.write("root/sys/devices/dev0/id", "14\n")
        try scratch.link("root/sys/bus/vmbus/devices/dev0", to: "../../../devices/dev0")
        try scratch.link("root/abs", to: "/sys/devices/dev0/id")
        try scratch.link("root/climb", to: "../../../../outside-secret")
        try scratch.link("root/loop", to: "loop")
        return (scratch, scratch.path + "/root")
    }

    @Test(arguments: modes)
    func followsRelativeLinksInsideTheRoot(_ openat2: Bool) throws {
        let (scratch, root) = try tree()
        let reader = try RootFileReader(root: root, allowOpenat2: openat2)
        #expect(try reader.file(at: "/sys/bus/vmbus/devices/dev0/id").get() == Array("14\n".utf8))
        #expect(try reader.directory(at: "/sys/bus/vmbus/devices").get() == ["dev0"])
        #expect(try reader.link(at: "/sys/bus/vmbus/devices/dev0").get() == "../../../devices/dev0")
        _ = scratch
    }

    @Test(arguments: modes)
    func resolvesAbsoluteLinksAndDotDotWithinTheRoot(_ openat2: Bool) throws {
        let (scratch, root) = try tree()
        let reader = try RootFileReader(root: root, allowOpenat2: openat2)
        #expect(try reader.file(at: "/abs").get() == Array("14\n".utf8))
        #expect(reader.file(at: "/climb") == .failure(.absent))
        #expect(reader.file(at: "/../outside-secret") == .failure(.absent))
        #expect(reader.file(at: "/../../sys/devices/dev0/id").map { $0.count } == .success(3))
        _ = scratch
    }

    /// `split` works on bytes now (issue 15): the parent and the last component as before.
    @Test func splitsOffTheLastComponent() {
        let cases: [(String, String, String)] = [
            ("/sys/bus/vmbus/devices/x/channels/13/cpu", "/sys/bus/vmbus/devices/x/channels/13", "cpu"),
            ("a/b/", "a", "b"), ("a", ".", "a"), ("", ".", ""), ("/", "/", ""), ("/a", "/", "a"),
            ("//x", "/", "x"), ("sys/classé/ü", "sys/classé", "ü"),
        ]
        for (path, parent, name) in cases {
            let split = RootFileReader.split(path)
            #expect(split.parent == parent && split.name == name, "\(path)")
        }
    }

    /// The by-hand fallback keeps each directory's resolution (issue 15); whatever it keeps, every
    /// file of a captured VMBus tree, reached through the device links, reads as openat2 reads it,
    /// and a link met below a kept directory is still walked, and still kept inside the root.
    @Test func theFallbacksKeptDirectoriesReadWhatOpenat2Reads() throws {
        let root = FixtureCPUIDToolTests.fixturesDirectory.appendingPathComponent("azure-d8ds-v5").path
        let kernel = try RootFileReader(root: root, allowOpenat2: true)
        let byHand = try RootFileReader(root: root, allowOpenat2: false)
        let devices = "/sys/bus/vmbus/devices"
        var compared = 0
        for device in try kernel.directory(at: devices).get() {
            for name in try kernel.directory(at: "\(devices)/\(device)").get() {
                let path = "\(devices)/\(device)/\(name)"
                #expect(byHand.attributeBytes(at: path) == kernel.attributeBytes(at: path), "\(path)")
                compared += 1
            }
            for relid in (try? kernel.directory(at: "\(devices)/\(device)/channels").get()) ?? [] {
                for name in try kernel.directory(at: "\(devices)/\(device)/channels/\(relid)").get() {
                    let path = "\(devices)/\(device)/channels/\(relid)/\(name)"
                    #expect(byHand.attributeBytes(at: path) == kernel.attributeBytes(at: path), "\(path)")
                    compared += 1
                }
            }
        }
        #expect(compared > 200)

        let (scratch, tree) = try tree()
        let reader = try RootFileReader(root: tree, allowOpenat2: false)
        try scratch.link("root/sys/devices/dev0/up", to: "../../../../outside-secret")
        #expect(try reader.file(at: "/sys/bus/vmbus/devices/dev0/id").get() == Array("14\n".utf8))
        #expect(reader.file(at: "/sys/bus/vmbus/devices/dev0/up") == .failure(.absent))
    }

    @Test(arguments: modes)
    func reportsLoopsAndMissingFiles(_ openat2: Bool) throws {
        let (scratch, root) = try tree()
        let reader = try RootFileReader(root: root, allowOpenat2: openat2)
        #expect(reader.file(at: "/loop") == .failure(.unreadable(.ELOOP)))
        #expect(reader.file(at: "/nothing") == .failure(.absent))
        #expect(reader.file(at: "/sys/devices/dev0/id/below-a-file") == .failure(.absent))
        #expect(reader.file(at: "/sys") == .failure(.unreadable(.EISDIR)))
        _ = scratch
    }

    /// Names are opened in a directory kept open from the previous read (RootFileReader.inParent):
    /// a link as the last component must still be resolved beneath the root, and the right file
    /// must be read when more directories alternate than are kept.
    @Test(arguments: modes)
    func aKeptDirectoryNeitherLetsALinkOutNorMixesDirectories(_ openat2: Bool) throws {
        let (scratch, root) = try tree()
        let count = RootFileReader.directoriesKept + 2
        for index in 0..<count { try scratch.write("root/sys/devices/d\(index)/id", "\(index)\n") }
        try scratch.link("root/sys/devices/d0/escape", to: "../../../../outside-secret")
        try scratch.link("root/sys/devices/d0/inside", to: "../dev0/id")
        let reader = try RootFileReader(root: root, allowOpenat2: openat2)
        for round in 0..<2 {
            for index in 0..<count {
                #expect(try reader.attributeBytes(at: "/sys/devices/d\(index)/id").get() == Array("\(index)\n".utf8))
            }
            #expect(reader.attributeBytes(at: "/sys/devices/d0/escape") == .failure(.absent), "round \(round)")
            #expect(try reader.file(at: "/sys/devices/d0/inside").get() == Array("14\n".utf8))
            #expect(reader.file(at: "/sys/devices/d0/..") == .failure(.unreadable(.EISDIR)))
            #expect(reader.attributeBytes(at: "/sys/devices/d0/missing") == .failure(.absent))
            #expect(try reader.link(at: "/sys/devices/d0/inside").get() == "../dev0/id")
            #expect(reader.exists("/sys/devices/d0/escape"))
        }
        _ = scratch
    }

    @Test func neverBlocksOnAFifoAndBoundsReads() throws {
        let scratch = try ScratchDirectory()
        #expect(mkfifo(scratch.path + "/fifo", 0o600) == 0)
        try scratch.write("big", [UInt8](repeating: 0x41, count: 5000))
        let reader = try RootFileReader(root: scratch.path)
        #expect(reader.file(at: "/fifo") == .failure(.invalid("not a regular file")))
        #expect(reader.file(at: "/big", limit: 4096) == .failure(.invalid("larger than 4096 bytes")))
        #expect(try reader.file(at: "/big").get().count == 5000)
    }

    /// openat2(RESOLVE_IN_ROOT) answers EAGAIN when any rename on the system races with the
    /// resolution of `..` (openat2(2)); every link of a sysfs capture holds `..`, so on a busy
    /// machine reads through them failed now and then. They must not.
    @Test func linksWithDotDotSurviveConcurrentRenames() throws {
        let (scratch, root) = try tree()
        let reader = try RootFileReader(root: root, allowOpenat2: true)
        try scratch.write("churn/a", "x")
        let stop = Mutex(false)
        let started = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        let churn = scratch.path + "/churn/"
        DispatchQueue.global().async {
            started.signal()
            while !stop.withLock({ $0 }) {
                rename(churn + "a", churn + "b")
                rename(churn + "b", churn + "a")
            }
            done.signal()
        }
        started.wait()
        var failures: [ReadFailure] = []
        for _ in 0..<10000 {
            if case .failure(let failure) = reader.directory(at: "/sys/bus/vmbus/devices/dev0") {
                failures.append(failure)
            }
        }
        stop.withLock { $0 = true }
        done.wait()
        #expect(
            failures.count == 0,
            "\(failures.count) reads failed, first: \(failures.first.map(String.init(describing:)) ?? "")")
    }

    @Test func aMissingRootIsAnError() {
        #expect(throws: ReadFailure.absent) { try RootFileReader(root: "/nonexistent/hvctl-root") }
    }
}
