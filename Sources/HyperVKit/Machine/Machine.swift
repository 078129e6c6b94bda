/// The CPU architecture of the captured or running machine. Hyper-V guests are x86-64 or arm64.
public enum Architecture: String, Sendable, Codable, Hashable {
    // swift-format-ignore: AlwaysUseLowerCamelCase
    case x86_64
    case aarch64
}

/// The four registers one CPUID leaf returns.
public struct CPUIDRegisters: Sendable, Hashable, Codable {
    public var eax: UInt32
    public var ebx: UInt32
    public var ecx: UInt32
    public var edx: UInt32

    public init(eax: UInt32, ebx: UInt32, ecx: UInt32, edx: UInt32) {
        self.eax = eax
        self.ebx = ebx
        self.ecx = ecx
        self.edx = edx
    }
}

/// Everything hvctl reads from a machine, and nothing else (docs/architecture.md, "The seams").
///
/// A snapshot directory and the running system are both a `Machine`; every command works on either.
/// Paths are absolute machine paths (`/sys/bus/vmbus/devices`), resolved beneath the machine's root.
/// Every face returns a value or a typed failure; none of them traps.
public protocol Machine: Sendable {
    /// What this machine is, for messages: `snapshot /tmp/s`, `live system`.
    var origin: String { get }
    /// The same without any path the user typed (`snapshot`, `live system, files from a --root
    /// tree`), for what leaves the machine: a snapshot's manifest (issue 12).
    var kind: String { get }
    /// The architecture, from the snapshot manifest or the running kernel.
    var architecture: Architecture { get }
    /// `uname -r` of the machine's kernel, when known.
    var kernelRelease: String? { get }

    /// The bytes of a file under the root.
    func file(at path: String) -> Result<[UInt8], ReadFailure>
    /// A small sysfs attribute (at most a page), read in as few system calls as possible. Same
    /// result as `file(at:)`; the VMBus reader reads thousands of them.
    func attributeBytes(at path: String) -> Result<[UInt8], ReadFailure>
    /// The entry names of a directory under the root, sorted, without `.` and `..`.
    func directory(at path: String) -> Result<[String], ReadFailure>
    /// The target of a symbolic link under the root, as stored (usually relative).
    func link(at path: String) -> Result<String, ReadFailure>
    /// One CPUID leaf as CPU `cpu` sees it.
    func cpuid(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure>
    /// One model-specific register of CPU `cpu`.
    func msr(_ index: UInt32, cpu: Int) -> Result<UInt64, ReadFailure>
    /// The kernel log, one message per element, as `dmesg` prints it.
    func kernelLog() -> Result<[String], ReadFailure>
    /// True for a captured machine (a snapshot), which is read-only and whose unreadable files were
    /// unreadable at capture time, so "run as root" would not help.
    var isCapture: Bool { get }
    /// The CPUs a capture holds registers for (`cpuid.txt` blocks, `msr/cpuN.txt`), ascending; nil
    /// for a live machine, where registers are read from whatever CPU is asked. A source of the CPU
    /// list when sysfs was not captured (issue 13).
    var capturedRegisterCPUs: [Int]? { get }
    /// What kind of capture this is (issue 17); nil for a live machine.
    var capture: CaptureDescription? { get }
}

extension Machine {
    public var isCapture: Bool { false }
    public var kind: String { "machine" }
    public var capturedRegisterCPUs: [Int]? { nil }
    public var capture: CaptureDescription? { nil }

    public func attributeBytes(at path: String) -> Result<[UInt8], ReadFailure> {
        file(at: path)
    }

    /// A file as UTF-8 text; binary content is `invalid`, not a crash.
    public func text(at path: String) -> Result<String, ReadFailure> {
        file(at: path).flatMap { bytes in
            if bytes.contains(0) { return .failure(.invalid("binary content where text was expected")) }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .failure(.invalid("not valid UTF-8 text"))
            }
            return .success(text)
        }
    }

    /// A one-line sysfs attribute without its trailing newline.
    public func attribute(at path: String) -> Result<String, ReadFailure> {
        attributeBytes(at: path).flatMap { (bytes: [UInt8]) -> Result<String, ReadFailure> in
            // Trimmed as bytes before the one String is made (issue 15): trimming Characters off a
            // String cost more than reading the file.
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            guard !bytes.contains(0), let text = String(validating: bytes[..<end], as: UTF8.self) else {
                return .failure(.invalid("binary content where text was expected"))
            }
            return .success(text)
        }
    }

    /// Whether a directory exists at `path`.
    public func isDirectory(_ path: String) -> Bool {
        if case .success = directory(at: path) { return true }
        return false
    }
}
