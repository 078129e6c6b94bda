import Foundation
import HyperVKit

#if canImport(Glibc)
    import Glibc
#endif

/// A fixture snapshot turned into a `--root` tree, so hvctl reads it as it reads a live machine
/// (the round trip of issue 6): a copy of the fixture, plus what a live root has and a snapshot keeps
/// elsewhere.
///
/// - `proc/sys/kernel/{arch,osrelease}` from the manifest;
/// - `dev/cpu/N/cpuid` written from `cpuid.txt` and `dev/cpu/N/msr` from `msr/cpuN.txt`, sparse
///   files that stand in for the drivers (record p at byte p × 16 or × 8, `CPUDeviceFile`). Only
///   MSR *values* can be planted: a hole reads as 0, so an errno line has no stand-in and is left
///   out; a fixture's failed MSRs do not round-trip;
/// - every file the manifest lists as unreadable replaced by a socket, which open(2) refuses with
///   ENXIO: a plain file cannot fail with EACCES (for root) or EINVAL. `planted` says which, so a
///   test can check they were recorded and put the fixture's errno back before comparing.
struct FixtureRootTree {
    let directory: TemporaryDirectory
    let fixture: String
    var planted: [String: String] = [:]

    var path: String { directory.path }

    init(fixture: String) throws {
        self.fixture = fixture
        directory = try TemporaryDirectory(prefix: "hvctl-root-tree-")
        let copy = try CommandHarness.runExecutable(
            URL(fileURLWithPath: "/bin/cp"), ["-a", fixture + "/.", directory.path])
        guard copy.status == 0 else {
            throw CommandHarness.HarnessError("cannot copy \(fixture)")
        }
        let manifest = try SnapshotManifest.decode(try Self.read(fixture + "/" + SnapshotManifest.fileName)).get()
        try Self.write(path + "/proc/sys/kernel/arch", Array((manifest.arch.rawValue + "\n").utf8))
        try Self.write(path + "/proc/sys/kernel/osrelease", Array(((manifest.kernelRelease ?? "") + "\n").utf8))
        try plantCPUID()
        try plantMSRs()
        for (key, errno) in manifest.unreadable ?? [:] {
            try Self.plantSocket(at: path + "/" + key)
            planted[key] = errno
        }
    }

    private func plantCPUID() throws {
        guard let bytes = try? Self.read(fixture + "/cpuid.txt") else { return }
        let dump = try CPUIDDump.parse(String(decoding: bytes, as: UTF8.self)).get()
        for (cpu, leaves) in dump.cpus {
            var records: [(UInt64, [UInt8])] = []
            for (key, registers) in leaves {
                let words = [registers.eax, registers.ebx, registers.ecx, registers.edx]
                let record = words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }
                records.append(((UInt64(key.subleaf) << 32 | UInt64(key.leaf)) * 16, record))
            }
            try Self.pwriteAll(path + "/dev/cpu/\(cpu)/cpuid", records)
        }
    }

    private func plantMSRs() throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixture + "/msr")) ?? []
        for name in names where name.hasPrefix("cpu") && name.hasSuffix(".txt") {
            guard let cpu = Int(name.dropFirst(3).dropLast(4)) else { continue }
            let dump = try MSRDump.parse(String(decoding: try Self.read(fixture + "/msr/" + name), as: UTF8.self)).get()
            var records: [(UInt64, [UInt8])] = []
            for (index, result) in dump.values {
                guard case .success(let value) = result else { continue }
                records.append((UInt64(index) * 8, (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }))
            }
            try Self.pwriteAll(path + "/dev/cpu/\(cpu)/msr", records)
        }
    }

    static func read(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Writes a file, replacing whatever is there (a planted socket included).
    static func write(_ path: String, _ bytes: [UInt8]) throws {
        unlink(path)
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    static func pwriteAll(_ path: String, _ records: [(offset: UInt64, bytes: [UInt8])]) throws {
        try write(path, [])
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CommandHarness.HarnessError("cannot open \(path)") }
        defer { close(fd) }
        for record in records {
            let written = record.bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(record.offset)) }
            guard written == record.bytes.count else { throw CommandHarness.HarnessError("cannot write \(path)") }
        }
    }

    /// A Unix socket at `path` (bound at a short name first: socket paths are limited to 108 bytes).
    static func plantSocket(at path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        let scratch = try TemporaryDirectory(prefix: "s")
        let short = scratch.path + "/s"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CommandHarness.HarnessError("socket: \(errno)") }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(short.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw CommandHarness.HarnessError("socket path too long: \(short)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, rename(short, path) == 0 else {
            throw CommandHarness.HarnessError("cannot plant a socket at \(path): \(errno)")
        }
    }
}
