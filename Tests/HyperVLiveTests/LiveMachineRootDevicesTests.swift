import HyperVKit
import Testing

@testable import HyperVLive

#if canImport(Glibc)
    import Glibc
#endif

/// A `--root` tree with `dev/cpu/N/{cpuid,msr}` and `proc/sys/kernel/arch`: CPUID, MSRs and the
/// architecture come from the tree (reference §9: the cpuid driver reads leaf `(subleaf << 32) | leaf`
/// as EAX, EBX, ECX, EDX little-endian; a stand-in file holds record p at byte p × 16).
@Suite struct LiveMachineRootDevicesTests {
    /// "Microsoft Hv" / "Hv#1" (reference §1.1, §1.2).
    static let signature = CPUIDRegisters(eax: 0x4000_000C, ebx: 0x7263_694D, ecx: 0x666F_736F, edx: 0x7648_2074)
    static let interface = CPUIDRegisters(eax: 0x3123_7648, ebx: 0, ecx: 0, edx: 0)

    static func tree(arch: String, leaves: [Int: [UInt32: CPUIDRegisters]]) throws -> TemporaryDirectory {
        let tree = try TemporaryDirectory(prefix: "hvctl-root-devices-")
        for directory in ["/proc", "/proc/sys", "/proc/sys/kernel", "/dev", "/dev/cpu"] {
            try #require(mkdir(tree.path + directory, 0o700) == 0)
        }
        try LiveMachineTests.write(arch + "\n", to: tree.path + "/proc/sys/kernel/arch")
        for (cpu, registers) in leaves {
            try #require(mkdir(tree.path + "/dev/cpu/\(cpu)", 0o700) == 0)
            let fd = open(tree.path + "/dev/cpu/\(cpu)/cpuid", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
            try #require(fd >= 0)
            defer { close(fd) }
            for (leaf, value) in registers {
                let words = [value.eax, value.ebx, value.ecx, value.edx]
                let bytes = words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }
                let written = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, 16, off_t(leaf) * 16) }
                try #require(written == 16)
            }
        }
        return tree
    }

    @Test func readsCPUIDFromTheRootsDevices() throws {
        let tree = try Self.tree(
            arch: "x86_64", leaves: [0: [0x4000_0000: Self.signature, 0x4000_0001: Self.interface]])
        let machine = try LiveMachine(root: tree.path)
        // Adjacent leaves do not overlap.
        #expect(machine.cpuid(leaf: 0x4000_0000, subleaf: 0, cpu: 0) == .success(Self.signature))
        #expect(machine.cpuid(leaf: 0x4000_0001, subleaf: 0, cpu: 0) == .success(Self.interface))
        // A hole reads as zeros; past the end is a leaf the tree does not have.
        #expect(
            machine.cpuid(leaf: 0x3FFF_FFFF, subleaf: 0, cpu: 0)
                == .success(CPUIDRegisters(eax: 0, ebx: 0, ecx: 0, edx: 0)))
        #expect(machine.cpuid(leaf: 0x4000_0002, subleaf: 0, cpu: 0) == .failure(.absent))
        #expect(machine.cpuid(leaf: 0, subleaf: 0x1000_0000, cpu: 0) == .failure(.unreadable(.EINVAL)))
        // The MSR devices are the tree's too.
        #expect(machine.msrDevices.prefix == tree.path + "/dev/cpu")
        #expect(machine.msr(0x4000_0000, cpu: 0) == .failure(.unreadable(.ENOENT)))
        // A CPU without a file falls back to the instruction (x86 only).
        if LiveCPUID.isAvailable {
            #expect(machine.cpuid(leaf: 0, subleaf: 0, cpu: 0) != .failure(.absent))
        }
    }

    /// An arm64 tree has no CPUID whatever the machine hvctl runs on (reference §1.13).
    @Test func anArm64RootHasNoCPUID() throws {
        let tree = try Self.tree(arch: "aarch64", leaves: [:])
        let machine = try LiveMachine(root: tree.path)
        #expect(machine.architecture == .aarch64)
        #expect(machine.cpuid(leaf: 0, subleaf: 0, cpu: 0) == .failure(.absent))
    }

    /// Without `dev/cpu` in the root, the devices stay the running system's.
    @Test func aRootWithoutDevicesUsesTheSystems() throws {
        let tree = try TemporaryDirectory(prefix: "hvctl-root-plain-")
        let machine = try LiveMachine(root: tree.path)
        #expect(machine.msrDevices.prefix == "/dev/cpu")
        #expect(machine.cpuidDevices == nil)
    }
}
