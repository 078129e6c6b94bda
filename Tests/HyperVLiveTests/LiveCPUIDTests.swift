import HyperVKit
import Testing

@testable import HyperVLive

/// CPUID executed on this machine's CPUs. The functions are synchronous, so each runs on one thread
/// and `/proc/thread-self` describes the thread that was pinned.
@Suite(.enabled(if: LiveCPUID.isAvailable, "CPUID exists on x86_64 only"))
struct LiveCPUIDTests {
    /// Twelve bytes from three registers, in the order CPUID vendor strings use.
    static func vendor(_ registers: [UInt32]) -> String {
        let bytes = registers.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// Leaf 0: EAX is the highest basic leaf (at least 1 on any x86-64), EBX-EDX-ECX the vendor.
    @Test func leafZeroNamesAVendor() throws {
        let machine = try LiveMachine()
        let leaf0 = try machine.cpuid(leaf: 0, subleaf: 0, cpu: 0).get()
        #expect(leaf0.eax >= 1)
        let vendor = Self.vendor([leaf0.ebx, leaf0.edx, leaf0.ecx])
        #expect(vendor.utf8.count == 12)
        #expect(vendor.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F })
    }

    /// Leaf 0x40000000 of a VM: EAX is the highest hypervisor leaf, EBX-ECX-EDX the hypervisor's
    /// signature (reference §1.1: "Microsoft Hv" on Hyper-V; this build machine is KVM, "KVMKVMKVM").
    @Test(.enabled(if: LiveConditions.isVirtualMachine, "needs a virtual machine"))
    func hypervisorLeafNamesTheHypervisor() throws {
        let machine = try LiveMachine()
        let leaf = try machine.cpuid(leaf: 0x4000_0000, subleaf: 0, cpu: 0).get()
        let vendor = Self.vendor([leaf.ebx, leaf.ecx, leaf.edx])
        let known = ["Microsoft Hv", "KVMKVMKVM", "VMwareVMware", "XenVMMXenVMM", "TCGTCGTCGTCG", "bhyve bhyve "]
        #expect(known.contains(vendor), "unexpected hypervisor signature \(vendor)")
        if vendor == "Microsoft Hv" {
            // Reference §1.1: Linux accepts 0x40000005 ≤ EAX ≤ 0x4000FFFF, and 0x40000001 EAX is "Hv#1".
            #expect((0x4000_0005...0x4000_FFFF).contains(leaf.eax))
            #expect(try machine.cpuid(leaf: 0x4000_0001, subleaf: 0, cpu: 0).get().eax == 0x3123_7648)
        }
    }

    /// Every online CPU the thread may use can be pinned to, the thread really runs there, and its
    /// affinity comes back unchanged. Leaf 1 EBX[31:24] (initial APIC ID, Intel SDM vol. 2A, CPUID)
    /// differs between CPUs, which shows each answer came from its own CPU.
    @Test func pinsToEachOnlineCPUAndRestoresAffinity() throws {
        let machine = try LiveMachine()
        let before = try #require(LiveConditions.allowedCPUs())
        let cpus = machine.cpuidCPUs().filter(before.contains)
        try #require(!cpus.isEmpty)
        var apicIDs: [Int: UInt32] = [:]
        for cpu in cpus {
            #expect(LiveCPUID.onCPU(cpu) { LiveCPUID.currentCPU() } == .success(cpu))
            let leaf1 = try machine.cpuid(leaf: 1, subleaf: 0, cpu: cpu).get()
            apicIDs[cpu] = leaf1.ebx >> 24
            #expect(LiveConditions.allowedCPUs() == before)
        }
        if cpus.count <= 255 { #expect(Set(apicIDs.values).count == cpus.count) }
    }

    /// A CPU that is not online cannot be pinned to: a failure, never another CPU's answer.
    @Test(arguments: [-1, 4095, Int(Int32.max) + 1])
    func offlineCPUFails(cpu: Int) throws {
        let machine = try LiveMachine()
        let before = LiveConditions.allowedCPUs()
        try #require(!machine.cpuidCPUs().contains(cpu))
        #expect(machine.cpuid(leaf: 0, subleaf: 0, cpu: cpu) == .failure(.unreadable(.EINVAL)))
        #expect(LiveConditions.allowedCPUs() == before)
    }

    /// Subleaves reach ECX: leaf 4 (deterministic cache parameters) or 0xB on Intel, leaf 7 anywhere:
    /// subleaf 0 EAX of leaf 7 is the highest subleaf, and an out-of-range subleaf returns zeros.
    @Test func passesTheSubleaf() throws {
        let machine = try LiveMachine()
        let leaf0 = try machine.cpuid(leaf: 0, subleaf: 0, cpu: 0).get()
        try #require(leaf0.eax >= 7)
        let top = try machine.cpuid(leaf: 7, subleaf: 0, cpu: 0).get().eax
        try #require(top < 0xFF)
        let beyond = try machine.cpuid(leaf: 7, subleaf: top + 1, cpu: 0).get()
        #expect(beyond == CPUIDRegisters(eax: 0, ebx: 0, ecx: 0, edx: 0))
    }

    @Test func onlineCPUsIncludeTheCurrentOne() throws {
        let cpus = try LiveMachine().cpuidCPUs()
        let current = try #require(LiveCPUID.currentCPU())
        #expect(cpus.contains(current))
    }
}
