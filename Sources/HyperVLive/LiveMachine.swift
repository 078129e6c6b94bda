import HyperVKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The running system as a `Machine` (architecture.md, "The seams").
///
/// Files come through HyperVKit's `RootFileReader`, the same reader snapshots use, so the code that
/// reads a guest reads a capture unchanged. With a root other than `/` (a container with the host's
/// /sys at /host, say) only the files move: CPUID, MSRs and the kernel log are always the running
/// system's, because that is where the instructions and devices are.
public final class LiveMachine: Machine {
    public let origin: String
    public let architecture: Architecture
    public let kernelRelease: String?
    /// The root files are read beneath, as given.
    public let root: String
    private let reader: RootFileReader
    let msrDevices: MSRDevices

    /// Opens the running system.
    ///
    /// - Parameters:
    ///   - root: where the system's /sys, /proc (and /var/lib/hyperv) are mounted; `/` for this system.
    ///   - msrDevicePrefix: the directory holding `<cpu>/msr` (`/dev/cpu`); tests point it at a
    ///     sparse file tree.
    /// - Throws: the root's open failure, or `invalid` on an architecture hvctl does not read.
    public init(root: String = "/", msrDevicePrefix: String = "/dev/cpu") throws(ReadFailure) {
        let reader = try RootFileReader(root: root)
        let name = try UnameInfo.current()
        guard let architecture = UnameInfo.architecture(machine: name.machine) else {
            throw .invalid("unsupported architecture \(name.machine): hvctl reads x86_64 and aarch64 guests")
        }
        self.root = root
        self.reader = reader
        self.architecture = architecture
        self.origin = root == "/" ? "live system" : "live system, files from \(root)"
        self.kernelRelease = LiveMachine.release(reader: reader, root: root, uname: name.release)
        self.msrDevices = MSRDevices(prefix: msrDevicePrefix)
    }

    public func file(at path: String) -> Result<[UInt8], ReadFailure> {
        reader.file(at: path)
    }

    public func attributeBytes(at path: String) -> Result<[UInt8], ReadFailure> {
        reader.attributeBytes(at: path)
    }

    public func directory(at path: String) -> Result<[String], ReadFailure> {
        reader.directory(at: path)
    }

    public func link(at path: String) -> Result<String, ReadFailure> {
        reader.link(at: path)
    }

    /// One CPUID leaf executed on `cpu` (the thread is pinned there for the instruction and then
    /// restored); `absent` on architectures without CPUID (reference §1.13).
    public func cpuid(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure> {
        LiveCPUID.execute(leaf: leaf, subleaf: subleaf, cpu: cpu)
    }

    /// The CPUs CPUID can be executed on: the online CPUs from /sys/devices/system/cpu/online, ascending.
    /// Empty on architectures without CPUID, or when the list cannot be read or parsed.
    public func cpuidCPUs() -> [Int] {
        guard LiveCPUID.isAvailable else { return [] }
        guard case .success(let text) = attribute(at: "/sys/devices/system/cpu/online") else { return [] }
        return CPUList(parsing: text)?.cpus ?? []
    }

    /// One MSR of `cpu`, by pread at the MSR index on `<msrDevicePrefix>/<cpu>/msr` (reference §9).
    /// MSRs that `MSRSafety` refuses are never opened, let alone read.
    public func msr(_ index: UInt32, cpu: Int) -> Result<UInt64, ReadFailure> {
        msrDevices.read(index, cpu: cpu)
    }

    /// The kernel log as `dmesg` prints it: /dev/kmsg, or syslog(2) when that cannot be opened.
    public func kernelLog() -> Result<[String], ReadFailure> {
        KernelLogReader.readLog()
    }

    /// `uname -r` for the system itself; the root's osrelease for another root (the kernel whose /proc
    /// is mounted there), falling back to uname when that cannot be read.
    private static func release(reader: RootFileReader, root: String, uname: String) -> String {
        guard root != "/" else { return uname }
        guard case .success(let bytes) = reader.file(at: "/proc/sys/kernel/osrelease", limit: 4096) else {
            return uname
        }
        let text = String(decoding: bytes, as: UTF8.self).filter { !$0.isWhitespace }
        return text.isEmpty ? uname : text
    }
}

/// The parts of uname(2) hvctl needs.
struct UnameInfo: Sendable, Equatable {
    var machine: String
    var release: String

    static func current() throws(ReadFailure) -> UnameInfo {
        var name = utsname()
        guard uname(&name) == 0 else { throw .unreadable(Errno(errno)) }
        return UnameInfo(machine: field(name.machine), release: field(name.release))
    }

    /// The architecture for a uname machine string; nil for one hvctl does not read.
    static func architecture(machine: String) -> Architecture? {
        switch machine {
        case "x86_64": return .x86_64
        case "aarch64", "arm64": return .aarch64
        default: return nil
        }
    }

    /// A NUL-terminated utsname field (a fixed-size C array imported as a tuple).
    private static func field<T>(_ value: T) -> String {
        withUnsafeBytes(of: value) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
