import HyperVKit

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
    private let table: CPUDeviceTable

    /// The directory holding `<cpu>/<device>`.
    var prefix: String { table.prefix }

    init(prefix: String) {
        table = CPUDeviceTable(prefix: prefix, name: "msr", recordSize: 8)
    }

    /// The device path for `cpu`.
    func path(cpu: Int) -> String { table.path(cpu: cpu) }

    /// The CPUs whose device is open now (for tests: proves an unsafe read opened nothing).
    var openCPUs: [Int] { table.openCPUs }

    /// One MSR of `cpu`. Every errno is kept, ENOENT included, so the caller can tell "driver not
    /// loaded" (ENOENT, ENXIO: `modprobe msr`) from "no CAP_SYS_RAWIO" (EPERM) and "no file
    /// permission" (EACCES); EIO from the read is the #GP of an MSR not implemented or not granted
    /// (reference §2.1, §9), ENXIO a CPU that went offline during the read.
    func read(_ index: UInt32, cpu: Int) -> Result<UInt64, ReadFailure> {
        if let refusal = MSRSafety.refusal(index) {
            return .failure(.invalid("unsafe to read MSR \(MSRDevices.hex(index)): \(refusal)"))
        }
        return table.read(cpu: cpu, position: UInt64(index)).flatMap { bytes in
            guard bytes.count == 8 else { return .failure(.invalid("short read: \(bytes.count) of 8 bytes")) }
            return .success(MSRDevices.decode(bytes))
        }
    }

    /// A little-endian u64 (EDX:EAX as the driver stores it), independent of the host's byte order.
    static func decode(_ bytes: [UInt8]) -> UInt64 {
        bytes.prefix(8).enumerated().reduce(UInt64(0)) { value, byte in
            value | UInt64(byte.element) << (8 * byte.offset)
        }
    }

    static func hex(_ index: UInt32) -> String {
        Hex.format(index, digits: 8)
    }
}
