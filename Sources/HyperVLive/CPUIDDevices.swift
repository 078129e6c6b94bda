import HyperVKit
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The cpuid driver's per-CPU devices, `<prefix>/<cpu>/cpuid` (reference §9,
/// `arch/x86/kernel/cpuid.c`): a 16-byte read at offset `(subleaf << 32) | leaf` returns EAX, EBX,
/// ECX, EDX of that leaf as CPU N sees it, each little-endian.
///
/// Used for a `--root` tree that provides them: the host's `/dev` mounted beside its `/sys`, or a
/// test tree of sparse files written from a snapshot's `cpuid.txt` (leaf records at byte
/// `position × 16`: `CPUDeviceFile`). In a regular file a read past the end returns nothing: that
/// leaf was not captured (`absent`). Descriptors are kept like `MSRDevices` keeps its own.
final class CPUIDDevices: Sendable {
    let prefix: String
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

    func path(cpu: Int) -> String {
        prefix + "/\(cpu)/cpuid"
    }

    /// One leaf of `cpu`. An open failure keeps its errno (ENOENT: no device for this CPU).
    func read(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure> {
        guard cpu >= 0 else { return .failure(.unreadable(.EINVAL)) }
        return descriptor(cpu: cpu).flatMap { device in
            guard let offset = device.offset(UInt64(subleaf) << 32 | UInt64(leaf)) else {
                return .failure(.unreadable(.EINVAL))
            }
            return CPUIDDevices.pread16(device.fd, offset: offset)
        }
    }

    private func descriptor(cpu: Int) -> Result<CPUDeviceFile, ReadFailure> {
        let path = path(cpu: cpu)
        return descriptors.withLock { table in
            if let device = table[cpu] { return .success(device) }
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
            guard fd >= 0 else { return .failure(.unreadable(Errno(errno))) }
            let device = CPUDeviceFile(fd: fd, recordSize: 16)
            table[cpu] = device
            return .success(device)
        }
    }

    static func pread16(_ fd: Int32, offset: off_t) -> Result<CPUIDRegisters, ReadFailure> {
        var bytes = [UInt8](repeating: 0, count: 16)
        var count: Int
        repeat {
            count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 16, offset) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else { return .failure(.unreadable(Errno(errno))) }
        if count == 0 { return .failure(.absent) }
        guard count == 16 else { return .failure(.invalid("short read: \(count) of 16 bytes")) }
        return .success(decode(bytes))
    }

    /// Four little-endian u32 words, EAX EBX ECX EDX (`struct cpuid_regs` in cpuid.c).
    static func decode(_ bytes: [UInt8]) -> CPUIDRegisters {
        func word(_ index: Int) -> UInt32 {
            (0..<4).reduce(UInt32(0)) { value, byte in value | UInt32(bytes[index * 4 + byte]) << (8 * byte) }
        }
        return CPUIDRegisters(eax: word(0), ebx: word(1), ecx: word(2), edx: word(3))
    }
}
