import HyperVKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The running system as a `Machine` (docs/architecture.md, "The seams").
///
/// Files come through HyperVKit's `RootFileReader`, the same reader snapshots use, so the code that
/// reads a guest reads a capture unchanged. With a root other than `/` (a container with the host's
/// /sys at /host, say) the files move, and so do the CPU devices when the root has them: MSRs from
/// `<root>/dev/cpu/N/msr` and CPUID from `<root>/dev/cpu/N/cpuid` (where that file exists, else the
/// CPUID instruction). The architecture and kernel release are the root's
/// (`/proc/sys/kernel/arch`, `osrelease`) where it has them. The kernel log is always the running
/// system's (`--kernel-log` replaces it, see `KernelLogOverride`).
public final class LiveMachine: Machine {
    public let origin: String
    public let kind: String
    public let architecture: Architecture
    public let kernelRelease: String?
    /// The root files are read beneath, as given.
    public let root: String
    private let reader: RootFileReader
    let msrDevices: MSRDevices
    /// The root's cpuid devices, for a root other than `/` that has a `dev/cpu` directory.
    let cpuidDevices: CPUIDDevices?

    /// Opens the running system.
    ///
    /// - Parameters:
    ///   - root: where the system's /sys, /proc (and /var/lib/hyperv) are mounted; `/` for this system.
    ///   - msrDevicePrefix: the directory holding `<cpu>/msr`; by default `<root>/dev/cpu` when the
    ///     root has that directory, else `/dev/cpu`. Tests point it at a sparse file tree.
    /// - Throws: the root's open failure, or `invalid` on an architecture hvctl does not read.
    public init(root: String = "/", msrDevicePrefix: String? = nil) throws(ReadFailure) {
        let reader = try RootFileReader(root: root)
        let name = try UnameInfo.current()
        let machine = LiveMachine.rootValue(reader, root, SourceCatalog.archPath) ?? name.machine
        guard let architecture = UnameInfo.architecture(machine: machine) else {
            throw .invalid("unsupported architecture \(machine): hvctl reads x86_64 and aarch64 guests")
        }
        var rootDevices: String?
        let devices = SourceCatalog.cpuDeviceDirectory
        if root != "/", case .success = reader.directory(at: devices) { rootDevices = root + devices }
        self.root = root
        self.reader = reader
        self.architecture = architecture
        self.origin = root == "/" ? "live system" : "live system, files from \(root)"
        self.kind = root == "/" ? "live system" : "live system, files from a --root tree"
        // A --root tree's kernel is the tree's, never the one hvctl runs on (issue 13): its
        // osrelease, else the release `/proc/version` names, else unknown.
        self.kernelRelease =
            root == "/"
            ? name.release
            : LiveMachine.rootValue(reader, root, SourceCatalog.osReleasePath)
                ?? LiveMachine.rootValue(reader, root, SourceCatalog.versionPath).flatMap(
                    LiveMachine.releaseFromVersion)
        self.msrDevices = MSRDevices(prefix: msrDevicePrefix ?? rootDevices ?? devices)
        self.cpuidDevices = rootDevices.map { CPUIDDevices(prefix: $0) }
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

    /// One CPUID leaf as `cpu` sees it: from the root's `dev/cpu/<cpu>/cpuid` where the root has
    /// that file, else the instruction executed on `cpu` (the thread is pinned there for the
    /// instruction and then restored); `absent` on architectures without CPUID (reference §1.13),
    /// the root's included.
    public func cpuid(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure> {
        if let cpuidDevices {
            let result = cpuidDevices.read(leaf: leaf, subleaf: subleaf, cpu: cpu)
            if case .failure(.unreadable(let code)) = result, code == .ENOENT {
                // No device file for this CPU: fall through to the instruction.
            } else {
                return result
            }
        }
        guard architecture == .x86_64 else { return .failure(.absent) }
        return LiveCPUID.execute(leaf: leaf, subleaf: subleaf, cpu: cpu)
    }

    /// The CPUs CPUID can be executed on: the online CPUs from /sys/devices/system/cpu/online, ascending.
    /// Empty on architectures without CPUID, or when the list cannot be read or parsed.
    public func cpuidCPUs() -> [Int] {
        guard LiveCPUID.isAvailable else { return [] }
        guard case .success(let text) = attribute(at: CPUTopology.onlinePath) else { return [] }
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

    /// A one-word /proc value of another root (the kernel whose /proc is mounted there: `osrelease`,
    /// `arch`); nil for the system itself, where uname answers, or when it cannot be read.
    private static func rootValue(_ reader: RootFileReader, _ root: String, _ path: String) -> String? {
        guard root != "/", case .success(let bytes) = reader.file(at: path, limit: 4096) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
        return text.isEmpty ? nil : String(text)
    }

    /// `Linux version 6.1.0-37-amd64 (debian-kernel@…) …` → `6.1.0-37-amd64` (fs/proc/version.c).
    static func releaseFromVersion(_ text: String) -> String? {
        let words = text.split(separator: " ")
        guard words.count >= 3, words[0] == "Linux", words[1] == "version" else { return nil }
        return String(words[2])
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
