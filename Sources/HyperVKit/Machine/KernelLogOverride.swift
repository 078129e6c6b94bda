#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A machine whose kernel log comes from a file instead (`hvctl --kernel-log FILE`): a log a
/// customer pasted, decoded against this machine or a snapshot, or a fixture's log fed to a
/// `--root` tree. Every other face is the wrapped machine's.
///
/// The file is a path on the system hvctl runs on, never under the machine's root. It is read once,
/// when the wrapper is made, so a bad path fails before any command runs; a pipe works too
/// (`--kernel-log <(ssh guest dmesg)`).
public struct KernelLogOverride: Machine {
    public let base: any Machine
    /// The file as the user named it.
    public let logPath: String
    private let lines: [String]

    public init(base: any Machine, logPath: String) throws(ReadFailure) {
        self.base = base
        self.logPath = logPath
        self.lines = try KernelLogOverride.read(logPath).get()
    }

    public var origin: String { "\(base.origin), kernel log from \(logPath)" }
    public var kind: String { "\(base.kind), kernel log from a --kernel-log file" }
    public var architecture: Architecture { base.architecture }
    public var kernelRelease: String? { base.kernelRelease }
    public var isCapture: Bool { base.isCapture }
    public var capturedRegisterCPUs: [Int]? { base.capturedRegisterCPUs }
    /// The base's capture, its kernel log now this file.
    public var capture: CaptureDescription? {
        guard var capture = base.capture else { return nil }
        capture.kernelLog = logPath + " (--kernel-log)"
        return capture
    }

    public func file(at path: String) -> Result<[UInt8], ReadFailure> { base.file(at: path) }
    public func attributeBytes(at path: String) -> Result<[UInt8], ReadFailure> { base.attributeBytes(at: path) }
    public func directory(at path: String) -> Result<[String], ReadFailure> { base.directory(at: path) }
    public func link(at path: String) -> Result<String, ReadFailure> { base.link(at: path) }

    public func cpuid(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure> {
        base.cpuid(leaf: leaf, subleaf: subleaf, cpu: cpu)
    }

    public func msr(_ index: UInt32, cpu: Int) -> Result<UInt64, ReadFailure> { base.msr(index, cpu: cpu) }

    public func kernelLog() -> Result<[String], ReadFailure> { .success(lines) }

    /// The log's lines: a regular file or a pipe, at most `SnapshotMachine.kernelLogLimit` bytes,
    /// text (`KernelLogText.lines` refuses binary content).
    static func read(_ path: String) -> Result<[String], ReadFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return .failure(RootFileReader.failure(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(RootFileReader.failure(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.unreadable(.EISDIR)) }
        return RootFileReader.readAll(fd, limit: SnapshotMachine.kernelLogLimit).flatMap(KernelLogText.lines)
    }
}
