import HyperVKit
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// An open per-CPU device (`/dev/cpu/N/msr`, `/dev/cpu/N/cpuid`), or a regular file standing in
/// for one in a `--root` tree or a test.
///
/// The drivers count the file position in records, not bytes: `pread(fd, buf, 8, index)` reads MSR
/// `index` and the next MSR is at `index + 1` (`arch/x86/kernel/msr.c`); the cpuid driver reads
/// leaf `pos` and advances `pos` by one per 16 bytes (`arch/x86/kernel/cpuid.c`). A regular file
/// counts bytes, so there records at adjacent positions would overlap; a stand-in file therefore
/// holds record `p` at byte `p × recordSize`, which is the same layout counted in records.
struct CPUDeviceFile: Sendable {
    let fd: Int32
    /// 1 for a character device; the record size for a regular file.
    let stride: Int64

    init(fd: Int32, recordSize: Int64) {
        self.fd = fd
        var info = stat()
        let regular = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        self.stride = regular ? recordSize : 1
    }

    /// The byte offset of record `position`; nil when it does not fit a file offset.
    func offset(_ position: UInt64) -> off_t? {
        let (bytes, overflow) = position.multipliedReportingOverflow(by: UInt64(stride))
        guard !overflow, bytes <= UInt64(Int64.max) else { return nil }
        return off_t(Int64(bytes))
    }
}

/// The open devices of one kind (`msr` or `cpuid`) under a prefix, one per CPU, each opened on
/// first use and kept until the machine goes away; failed opens are not kept, so they are retried.
final class CPUDeviceTable: Sendable {
    let prefix: String
    let name: String
    let recordSize: Int64
    private let descriptors = Mutex<[Int: CPUDeviceFile]>([:])

    init(prefix: String, name: String, recordSize: Int64) {
        self.prefix = prefix
        self.name = name
        self.recordSize = recordSize
    }

    deinit {
        descriptors.withLock { table in
            for device in table.values { close(device.fd) }
            table.removeAll()
        }
    }

    /// `<prefix>/<cpu>/<name>`.
    func path(cpu: Int) -> String {
        prefix + "/\(cpu)/" + name
    }

    /// The CPUs whose device is open now.
    var openCPUs: [Int] {
        descriptors.withLock { $0.keys.sorted() }
    }

    /// Reads the record at `position` of `cpu`'s device: the bytes pread returned (fewer at the
    /// end of a stand-in file), or the errno of the open or the read, kept as it is.
    func read(cpu: Int, position: UInt64) -> Result<[UInt8], ReadFailure> {
        guard cpu >= 0 else { return .failure(.unreadable(.EINVAL)) }
        return device(cpu: cpu).flatMap { device in
            guard let offset = device.offset(position) else { return .failure(.unreadable(.EINVAL)) }
            var bytes = [UInt8](repeating: 0, count: Int(recordSize))
            var count: Int
            repeat {
                count = bytes.withUnsafeMutableBytes { pread(device.fd, $0.baseAddress, $0.count, offset) }
            } while count < 0 && errno == EINTR
            guard count >= 0 else { return .failure(.unreadable(Errno(errno))) }
            return .success(Array(bytes.prefix(count)))
        }
    }

    private func device(cpu: Int) -> Result<CPUDeviceFile, ReadFailure> {
        let path = path(cpu: cpu)
        return descriptors.withLock { table in
            if let device = table[cpu] { return .success(device) }
            // O_NONBLOCK: a FIFO at the device path (a test tree, a mistake) must not hang the open.
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
            guard fd >= 0 else { return .failure(.unreadable(Errno(errno))) }
            let device = CPUDeviceFile(fd: fd, recordSize: recordSize)
            table[cpu] = device
            return .success(device)
        }
    }
}
