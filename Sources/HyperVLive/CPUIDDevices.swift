import HyperVKit

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
    private let table: CPUDeviceTable

    /// The directory holding `<cpu>/<device>`.
    var prefix: String { table.prefix }

    init(prefix: String) {
        table = CPUDeviceTable(prefix: prefix, name: "cpuid", recordSize: 16)
    }

    func path(cpu: Int) -> String { table.path(cpu: cpu) }

    /// One leaf of `cpu`. An open failure keeps its errno (ENOENT: no device for this CPU).
    func read(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure> {
        table.read(cpu: cpu, position: UInt64(subleaf) << 32 | UInt64(leaf)).flatMap { bytes in
            if bytes.isEmpty { return .failure(.absent) }
            guard bytes.count == 16 else { return .failure(.invalid("short read: \(bytes.count) of 16 bytes")) }
            return .success(CPUIDDevices.decode(bytes))
        }
    }

    /// Four little-endian u32 words, EAX EBX ECX EDX (`struct cpuid_regs` in cpuid.c).
    static func decode(_ bytes: [UInt8]) -> CPUIDRegisters {
        func word(_ index: Int) -> UInt32 {
            (0..<4).reduce(UInt32(0)) { value, byte in value | UInt32(bytes[index * 4 + byte]) << (8 * byte) }
        }
        return CPUIDRegisters(eax: word(0), ebx: word(1), ecx: word(2), edx: word(3))
    }
}
