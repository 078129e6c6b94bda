import Synchronization

@testable import HyperVKit

/// A Hyper-V guest whose MSRs are a table, and which records every MSR read it is asked for, so a
/// test can prove what was (never) read.
final class MSRTestMachine: Machine {
    let origin = "msr test machine"
    let architecture: Architecture
    let kernelRelease: String? = "6.1.0-37-cloud-amd64"
    let leaves: [UInt32: CPUIDRegisters]
    let values: [Int: [UInt32: Result<UInt64, ReadFailure>]]
    private let asked = Mutex<[(index: UInt32, cpu: Int)]>([])

    /// `eax`, `edx`, `hints`: 0x40000003 EAX/EDX and 0x40000004 EAX (reference §1.4, §1.5).
    init(
        eax: UInt32 = 0xAE7F, edx: UInt32 = 0xC0BE_D7B2, hints: UInt32 = 0x0014_0C2C,
        values: [Int: [UInt32: Result<UInt64, ReadFailure>]], architecture: Architecture = .x86_64
    ) {
        self.architecture = architecture
        self.values = values
        var leaves: [UInt32: CPUIDRegisters] = [:]
        for leaf in UInt32(0x4000_0005)...0x4000_000C { leaves[leaf] = CPUIDRegisters(eax: 0, ebx: 0, ecx: 0, edx: 0) }
        leaves[1] = CPUIDRegisters(eax: 0, ebx: 0, ecx: 1 << 31, edx: 0)
        leaves[0x4000_0000] = CPUIDRegisters(eax: 0x4000_000C, ebx: 0x7263_694D, ecx: 0x666F_736F, edx: 0x7648_2074)
        leaves[0x4000_0001] = CPUIDRegisters(eax: 0x3123_7648, ebx: 0, ecx: 0, edx: 0)
        leaves[0x4000_0002] = CPUIDRegisters(eax: 20348, ebx: 0x000A_0000, ecx: 0, edx: 0)
        leaves[0x4000_0003] = CPUIDRegisters(eax: eax, ebx: 0x0038_8030, ecx: 0, edx: edx)
        leaves[0x4000_0004] = CPUIDRegisters(eax: hints, ebx: 0xFFF, ecx: 0, edx: 0)
        self.leaves = leaves
    }

    /// Every (index, cpu) asked, in order.
    var reads: [(index: UInt32, cpu: Int)] { asked.withLock { $0 } }

    func file(at path: String) -> Result<[UInt8], ReadFailure> {
        guard path == "/sys/devices/system/cpu/online" else { return .failure(.absent) }
        let cpus = values.keys.sorted()
        return .success(Array(((CPUList(cpus).description) + "\n").utf8))
    }

    func directory(at path: String) -> Result<[String], ReadFailure> { .failure(.absent) }
    func link(at path: String) -> Result<String, ReadFailure> { .failure(.absent) }

    func cpuid(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure> {
        leaves[leaf].map { .success($0) } ?? .failure(.absent)
    }

    func msr(_ index: UInt32, cpu: Int) -> Result<UInt64, ReadFailure> {
        asked.withLock { $0.append((index, cpu)) }
        return values[cpu]?[index] ?? .failure(.absent)
    }

    func kernelLog() -> Result<[String], ReadFailure> { .failure(.absent) }

    /// Every default MSR on `cpus` failing with `errno`.
    static func failing(_ errno: Errno, cpus: [Int] = [0, 1]) -> MSRTestMachine {
        let table = Dictionary(
            uniqueKeysWithValues: MSRCatalog.all.map {
                ($0.index, Result<UInt64, ReadFailure>.failure(.unreadable(errno)))
            })
        return MSRTestMachine(values: Dictionary(uniqueKeysWithValues: cpus.map { ($0, table) }))
    }

    /// Every catalogued MSR (GUEST_IDLE included: the machine would answer, hvctl must not ask) with
    /// a value on `cpus`.
    static func answering(cpus: [Int] = [0, 1], eax: UInt32 = 0xAE7F) -> MSRTestMachine {
        var perCPU: [Int: [UInt32: Result<UInt64, ReadFailure>]] = [:]
        for cpu in cpus {
            var table: [UInt32: Result<UInt64, ReadFailure>] = [:]
            for msr in MSRCatalog.all { table[msr.index] = .success(0) }
            table[0x4000_0000] = .success(0x8100_0006_01C0_0000)
            table[0x4000_0002] = .success(UInt64(cpu))
            table[0x4000_0092] = .success(0x200F3)
            perCPU[cpu] = table
        }
        return MSRTestMachine(eax: eax, values: perCPU)
    }
}
