import HyperVKit
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The msr driver's per-CPU devices, `<prefix>/<cpu>/msr` (reference §9, arch/x86/kernel/msr.c).
///
/// The MSR index is the file position and read() does not advance it, so each MSR is one
/// `pread(fd, buf, 8, index)` returning a little-endian u64 (in a regular file standing in for the
/// device, at byte `index × 8`: `CPUDeviceFile`). Each device is opened once and its
/// descriptor kept until the machine goes away. Nothing here loads the driver: when it is missing the
/// open fails with ENOENT and the caller adds the `modprobe msr` hint. MSRs `MSRSafety` refuses are
/// rejected before any device is opened.
final class MSRDevices: Sendable {
    let prefix: String
    /// Open devices by CPU. Only successful opens are kept: a failed one is retried next time.
    private let descriptors = Mutex<[Int: CPUDeviceFile]>([:])

    init(prefix: String) {
        self.prefix = prefix
    }

    deinit {
        descriptors.withLock { table in
            for device in table.values { close(device.fd) }
            table.removeAll()
        }
    }

    /// The device path for `cpu`.
    func path(cpu: Int) -> String {
        prefix + "/\(cpu)/msr"
    }

    /// The CPUs whose device is open now (for tests: proves an unsafe read opened nothing).
    var openCPUs: [Int] {
        descriptors.withLock { $0.keys.sorted() }
    }

    /// One MSR of `cpu`.
    func read(_ index: UInt32, cpu: Int) -> Result<UInt64, ReadFailure> {
        if let refusal = MSRSafety.refusal(index) {
            return .failure(.invalid("unsafe to read MSR \(MSRDevices.hex(index)): \(refusal)"))
        }
        guard cpu >= 0 else { return .failure(.unreadable(.EINVAL)) }
        return descriptor(cpu: cpu).flatMap { device in
            guard let offset = device.offset(UInt64(index)) else { return .failure(.unreadable(.EINVAL)) }
            return MSRDevices.pread8(device.fd, offset: offset)
        }
    }

    /// The open device for `cpu`, opening it on first use.
    private func descriptor(cpu: Int) -> Result<CPUDeviceFile, ReadFailure> {
        let path = path(cpu: cpu)
        return descriptors.withLock { table in
            if let device = table[cpu] { return .success(device) }
            // O_NONBLOCK: a FIFO at the device path (a test tree, a mistake) must not hang the open.
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
            guard fd >= 0 else { return .failure(MSRDevices.openFailure(errno)) }
            let device = CPUDeviceFile(fd: fd, recordSize: 8)
            table[cpu] = device
            return .success(device)
        }
    }

    /// Reads the 8 bytes at `offset` (the MSR's record) and decodes them as little-endian.
    static func pread8(_ fd: Int32, offset: off_t) -> Result<UInt64, ReadFailure> {
        var bytes = [UInt8](repeating: 0, count: 8)
        var count: Int
        repeat {
            count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 8, offset) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else { return .failure(readFailure(errno)) }
        guard count == 8 else { return .failure(.invalid("short read: \(count) of 8 bytes")) }
        return .success(decode(bytes))
    }

    /// A little-endian u64 (EDX:EAX as the driver stores it), independent of the host's byte order.
    static func decode(_ bytes: [UInt8]) -> UInt64 {
        var raw: UInt64 = 0
        withUnsafeMutableBytes(of: &raw) { target in
            bytes.prefix(8).withUnsafeBytes { source in target.copyMemory(from: source) }
        }
        return UInt64(littleEndian: raw)
    }

    /// The failure for an open() errno. Every errno is kept, ENOENT included, so the caller can tell
    /// "driver not loaded" (ENOENT, ENXIO: `modprobe msr`) from "no CAP_SYS_RAWIO" (EPERM) and
    /// "no file permission" (EACCES); the device being absent is not the MSR being absent.
    static func openFailure(_ code: Int32) -> ReadFailure {
        .unreadable(Errno(code))
    }

    /// The failure for a pread() errno: EIO is the #GP of an MSR not implemented or not granted
    /// (reference §2.1, §9), ENXIO a CPU that went offline during the read.
    static func readFailure(_ code: Int32) -> ReadFailure {
        .unreadable(Errno(code))
    }

    static func hex(_ index: UInt32) -> String {
        "0x" + String(index, radix: 16, uppercase: true)
    }
}
