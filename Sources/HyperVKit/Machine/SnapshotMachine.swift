import Synchronization

/// A captured machine: a snapshot directory or a sos report, or an archive of either unpacked into a
/// private temporary directory (docs/snapshot-format.md). The file faces are the same
/// `RootFileReader` the live machine uses; CPUID, MSRs and the kernel log come from `cpuid.txt`,
/// `msr/cpuN.txt` and `kernel.log`, or for a sos report from its command output (`SosReport`).
public final class SnapshotMachine: Machine {
    /// The snapshot's manifest; for a sos report, one made from what sos says of itself.
    public let manifest: SnapshotManifest
    /// Set when the capture is a sos report rather than an hvctl snapshot.
    public let sosReport: SosReport?
    public var origin: String { kind + " " + path }
    public var kind: String { sosReport == nil ? "snapshot" : "sos report" }
    /// The path the user gave (directory or tarball), for messages.
    public let path: String
    /// The directory the snapshot is read from (the unpacked copy for a tarball).
    public let rootPath: String
    private let reader: RootFileReader
    /// `cpuid.txt`, parsed on first use (issue 15): VMBus and CPU commands never ask for CPUID,
    /// and a 416-CPU capture holds some 12,000 lines.
    private let parsedCPUID = Mutex<Result<CPUIDDump, ReadFailure>?>(nil)
    private let msrCache = Mutex<[Int: Result<MSRDump, ReadFailure>]>([:])
    /// Keeps an unpacked tarball alive as long as the machine; removed on deinit.
    private let unpacked: TemporaryDirectory?
    /// The manifest's unreadable and skipped files by directory (snapshot-relative): directory → names.
    private let unreadableNames: [String: [String]]
    /// `cpuid.txt`, or a sos report's `cpuid -r` output.
    private let cpuidFile: String

    /// The kernel log is read whole; a dmesg buffer is at most 32 MiB (CONFIG_LOG_BUF_SHIFT ≤ 25).
    public static let kernelLogLimit = 64 << 20

    public var architecture: Architecture { manifest.arch }
    public var isCapture: Bool { true }
    public var kernelRelease: String? { manifest.kernelRelease }

    /// Names the wrong kind of path before anything else looks at it (issue 14): "does not exist",
    /// or "/etc/passwd is not a snapshot directory or archive (a file that is not ... data)".
    static func checkKind(_ path: String) throws(SnapshotError) {
        let kind: String
        switch LocalFile.pathKind(path) {
        case .failure(let failure):
            let why = failure == .absent ? "no such file or directory" : failure.description
            throw SnapshotError(path: path, message: "cannot open snapshot \(path): \(why)", failure: failure)
        case .success(.directory): return
        case .success(.regular):
            if SnapshotArchive.looksLikeArchive(path) { return }
            kind = "a file that is not gzip, xz, bzip2 or zstd data"
        case .success(.other(let other)): kind = other
        }
        throw SnapshotError(
            path: path, message: "\(path) is not a snapshot directory or archive (\(kind))",
            failure: .invalid("not a snapshot"))
    }

    /// The file the kernel log was read from, snapshot-relative (`kernel.log`,
    /// `sos_commands/kernel/dmesg`); nil when the capture holds none.
    public var kernelLogSource: String? {
        guard sosReport != nil else {
            if case .failure(.absent) = reader.file(at: "/" + SnapshotLayout.kernelLog, limit: 1) { return nil }
            return SnapshotLayout.kernelLog
        }
        return SosReport.kernelLog(reader, limit: 1).map(\.source)
    }

    public var capture: CaptureDescription? {
        CaptureDescription(
            kind: sosReport == nil ? .hvctlSnapshot : .sosReport, tool: manifest.tool, host: sosReport?.hostName,
            takenAt: manifest.createdAt, kernelLog: kernelLogSource,
            neverCaptured: sosReport == nil ? [] : SosReport.neverCaptured)
    }

    /// Opens a snapshot directory or tarball. Errors name the path and say what is wrong.
    public init(path: String) throws(SnapshotError) {
        var root = path
        var unpacked: TemporaryDirectory?
        try Self.checkKind(path)
        if SnapshotArchive.looksLikeArchive(path) {
            let directory = try SnapshotArchive.unpack(path)
            unpacked = directory
            root = directory.path
        }
        let reader: RootFileReader
        do {
            reader = try RootFileReader(root: root)
        } catch {
            throw SnapshotError(path: path, message: "cannot open snapshot \(path): \(error)", failure: error)
        }
        // A tarball made by `tar czf x.tar.gz dir/` holds one top-level directory, as does every
        // sos archive (`sosreport-<host>-<date>-<random>/`): look inside it.
        var effective = reader
        if !Self.isCapture(reader), case .success(let entries) = reader.directory(at: "/"), entries.count == 1,
            let inner = try? RootFileReader(root: root + "/" + entries[0]), Self.isCapture(inner)
        {
            effective = inner
            root += "/" + entries[0]
        }
        self.path = path
        self.rootPath = root
        self.reader = effective
        self.unpacked = unpacked
        if case .failure(.absent) = effective.file(at: "/" + SnapshotManifest.fileName, limit: 1),
            SosReport.isSosReport(effective)
        {
            let sos = try SosReport.read(effective, path: path)
            self.sosReport = sos
            self.manifest = sos.manifest
            self.unreadableNames = [:]
            self.cpuidFile = SosReport.cpuid
            return
        }
        self.sosReport = nil
        self.cpuidFile = SnapshotLayout.cpuid
        let manifestPath = path + "/" + SnapshotManifest.fileName
        let manifest: SnapshotManifest
        switch effective.file(at: "/" + SnapshotManifest.fileName, limit: 1 << 20).flatMap(SnapshotManifest.decode) {
        case .success(let decoded): manifest = decoded
        case .failure(.absent):
            throw SnapshotError(
                path: manifestPath,
                message:
                    "\(path) is not an hvctl snapshot (\(SnapshotManifest.fileName) is missing) nor a sos report "
                    + "(no sos_commands/ beside sos_reports/ or sos_logs/)",
                failure: .absent)
        case .failure(let failure):
            throw SnapshotError(
                path: manifestPath, message: "cannot read \(manifestPath): \(failure)", failure: failure)
        }
        self.manifest = manifest
        self.unreadableNames = SnapshotMachine.namesByDirectory(
            Array((manifest.unreadable ?? [:]).keys) + Array((manifest.skipped ?? [:]).keys))
    }

    /// An hvctl snapshot (its manifest is there) or a sos report (its layout is).
    private static func isCapture(_ reader: RootFileReader) -> Bool {
        if case .failure(.absent) = reader.file(at: "/" + SnapshotManifest.fileName, limit: 1) {
            return SosReport.isSosReport(reader)
        }
        return true
    }

    private var cpuidDump: Result<CPUIDDump, ReadFailure> {
        parsedCPUID.withLock { parsed in
            if let parsed { return parsed }
            let result = reader.file(at: "/" + cpuidFile).flatMap {
                bytes -> Result<CPUIDDump, ReadFailure> in
                guard let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else {
                    return .failure(.invalid("binary content where text was expected"))
                }
                return CPUIDDump.parse(text)
            }.mapError { SnapshotMachine.naming(path + "/" + cpuidFile, $0) }
            parsed = result
            return result
        }
    }

    public func file(at path: String) -> Result<[UInt8], ReadFailure> {
        if let failure = recordedFailure(path) { return .failure(failure) }
        return reader.file(at: path)
    }

    public func attributeBytes(at path: String) -> Result<[UInt8], ReadFailure> {
        if let failure = recordedFailure(path) { return .failure(failure) }
        return reader.attributeBytes(at: path)
    }

    /// The entries of a directory, with the files the manifest lists as unreadable or skipped in it:
    /// on the captured machine they were there, only their content was not captured.
    public func directory(at path: String) -> Result<[String], ReadFailure> {
        if let failure = recordedFailure(path) { return .failure(failure) }
        let listed = reader.directory(at: path)
        guard case .success(let names) = listed, let recorded = unreadableNames[RootFileReader.relative(path)] else {
            return listed
        }
        return .success(Array(Set(names).union(recorded)).sorted())
    }

    public func link(at path: String) -> Result<String, ReadFailure> {
        reader.link(at: path)
    }

    public func cpuid(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure> {
        cpuidDump.flatMap { dump in
            guard let registers = dump.registers(leaf: leaf, subleaf: subleaf, cpu: cpu) else {
                return .failure(.absent)
            }
            return .success(registers)
        }
    }

    /// `cpuid.txt` blocks and `msr/cpuN.txt` files together; nil when the snapshot holds neither.
    public var capturedRegisterCPUs: [Int]? {
        var cpus = Set(cpuidCPUs)
        if case .success(let names) = reader.directory(at: "/" + SnapshotLayout.msrDirectory) {
            cpus.formUnion(names.compactMap(SnapshotLayout.msrCPU(fileName:)))
        }
        return cpus.isEmpty ? nil : cpus.sorted()
    }

    /// The CPUs `cpuid.txt` has blocks for, ascending; empty when it is absent or unreadable.
    public var cpuidCPUs: [Int] {
        (try? cpuidDump.get())?.cpus.keys.sorted() ?? []
    }

    /// Why `cpuid.txt` could not be used, if it could not (absent is not a problem on arm64).
    public var cpuidFailure: ReadFailure? {
        if case .failure(let failure) = cpuidDump { return failure }
        return nil
    }

    public func msr(_ index: UInt32, cpu: Int) -> Result<UInt64, ReadFailure> {
        let dump = msrCache.withLock { cache in
            if let cached = cache[cpu] { return cached }
            let file = "/" + SnapshotLayout.msr(cpu: String(cpu))
            var loaded = reader.file(at: file, limit: 1 << 20).flatMap { bytes in
                MSRDump.parse(String(decoding: bytes, as: UTF8.self))
            }.mapError { SnapshotMachine.naming(path + file, $0) }
            // `hvctl snapshot` records a device that could not be used at all (EPERM without
            // CAP_SYS_RAWIO, EIO on a machine without these MSRs) once, instead of one line per MSR.
            if case .failure(.absent) = loaded, let failure = recordedFailure(SnapshotMachine.msrDevicePath(cpu)) {
                loaded = .failure(failure)
            }
            cache[cpu] = loaded
            return loaded
        }
        return dump.flatMap { $0.values[index] ?? .failure(.absent) }
    }

    public func kernelLog() -> Result<[String], ReadFailure> {
        if sosReport != nil {
            guard let (source, lines) = SosReport.kernelLog(reader, limit: SnapshotMachine.kernelLogLimit) else {
                return .failure(.absent)
            }
            return lines.mapError { SnapshotMachine.naming(path + "/" + source, $0) }
        }
        if let failure = recordedFailure("/" + SnapshotLayout.kernelLog) { return .failure(failure) }
        return reader.file(at: "/" + SnapshotLayout.kernelLog, limit: SnapshotMachine.kernelLogLimit).flatMap(
            KernelLogText.lines
        )
        .mapError { SnapshotMachine.naming(path + "/" + SnapshotLayout.kernelLog, $0) }
    }

    static func namesByDirectory(_ keys: [String]) -> [String: [String]] {
        var names: [String: [String]] = [:]
        for key in keys {
            let (parent, name) = RootFileReader.split(key)
            guard !name.isEmpty, name != ".", name != ".." else { continue }
            names[RootFileReader.relative(parent), default: []].append(name)
        }
        return names
    }

    /// The machine path of CPU `cpu`'s MSR device, as the manifest's `unreadable` names it.
    public static func msrDevicePath(_ cpu: Int) -> String { msrDevicePath(String(cpu)) }
    static func msrDevicePath(_ cpu: String) -> String { SourceCatalog.cpuDevicePath(cpu, "msr") }

    /// An `invalid` failure names the snapshot file it is about, so the one-line error does too.
    static func naming<S: StringProtocol>(_ file: S, _ failure: ReadFailure) -> ReadFailure {
        if case .invalid(let why) = failure { return .invalid("\(file): \(why)") }
        return failure
    }

    /// A failure the manifest's `unreadable` list records for this path at capture time.
    /// A file `hvctl snapshot` left out on purpose (`skipped`: binary content, a link out of `/sys`)
    /// reads as `invalid` with the recorded reason.
    private func recordedFailure(_ path: String) -> ReadFailure? {
        if manifest.unreadable == nil && manifest.skipped == nil { return nil }
        let key = RootFileReader.relative(path)
        if let name = manifest.unreadable?[key] { return .unreadable(Errno(name: name) ?? .EIO) }
        if let reason = manifest.skipped?[key] { return .invalid(reason) }
        return nil
    }
}

/// A snapshot that cannot be opened at all (exit status 65, or 77 for a permission problem).
public struct SnapshotError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var failure: ReadFailure

    public init(path: String, message: String, failure: ReadFailure) {
        self.path = path
        self.message = message
        self.failure = failure
    }

    public var description: String { message }
}

/// Turning raw kernel-log bytes into lines, shared by snapshots and the live reader.
public enum KernelLogText {
    /// Splits a log into lines. Binary content (NUL bytes, or mostly invalid UTF-8) is refused;
    /// a stray invalid byte is replaced, as `dmesg` would print it.
    public static func lines(_ bytes: [UInt8]) -> Result<[String], ReadFailure> {
        if bytes.contains(0) { return .failure(.invalid("binary content (NUL bytes), not a kernel log")) }
        if String(validating: bytes, as: UTF8.self) == nil {
            let replaced = String(decoding: bytes, as: UTF8.self).unicodeScalars.lazy.filter { $0 == "\u{FFFD}" }.count
            if replaced > 16 && replaced * 20 > bytes.count {
                return .failure(.invalid("binary content (not UTF-8 text), not a kernel log"))
            }
        }
        // Split on the newline byte, not on Characters: grapheme breaking made a 64 MB log slow.
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        if lines.last == "" { lines.removeLast() }
        return .success(lines)
    }
}
