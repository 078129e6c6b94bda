/// Which captured hypervisor leaves carry hypervisor data at all (reference §1.1, §1.2).
///
/// CPUID answers any leaf number, so a dump may hold leaves the hypervisor never defined: on a
/// machine without the hypervisor-present bit, or above the maximum leaf, Intel CPUs return the
/// data of the highest basic leaf instead. Decoding those as Hyper-V bits would invent features.
public enum LeafPresence {
    /// "Hv#1" in leaf 0x40000001 EAX (TLFS *Hypervisor Vendor-Neutral Interface Identification*).
    public static let hyperVInterface: UInt32 = 0x3123_7648
    /// "VS#1" in leaf 0x40000081 EAX (`HYPERV_VS_INTERFACE_EAX_SIGNATURE`).
    public static let virtualizationStackInterface: UInt32 = 0x3123_5356

    /// The leaves to trust, by these rules:
    /// - `hypervisorPresentBit == false` (CPUID.1:ECX[31] clear): none; the 0x4000xxxx range is
    ///   not hypervisor data then.
    /// - 0x40000002-0x4000007F above the maximum named in 0x40000000 EAX are absent (Linux checks
    ///   that maximum before reading 0x40000002 and 0x4000000A).
    /// - 0x40000002-0x400000FF follow the Hyper-V layout only when 0x40000001 EAX is "Hv#1"
    ///   (the TLFS: the interface signature sets the meaning of those leaves); another interface
    ///   (KVM's own, for one) keeps only 0x40000000-0x40000001.
    /// - 0x40000080-0x40000082 are answered by the virtualization stack, outside that maximum:
    ///   trusted only when 0x40000081 EAX is "VS#1" (what 6.1's `ms_hyperv_msi_ext_dest_id()`
    ///   checks before reading 0x40000082).
    /// A rule whose input is unknown (the kernel log gives no 0x40000000/0x40000001) does not apply.
    /// Two leaves newer kernels read where 6.1 would not (issue 13, mainline
    /// `arch/x86/kernel/cpu/mshyperv.c`) are kept too, with a note saying so (`kernelNotes`):
    /// 0x40000082 without the "VS#1" check, and 0x4000000C whenever 0x40000003 EBX[22] is set, even
    /// above the maximum leaf.
    public static func presentLeaves(_ leaves: HypervisorLeaves, hypervisorPresentBit: Bool?) -> HypervisorLeaves {
        if hypervisorPresentBit == false { return [:] }
        let maxLeaf = leaves[0x4000_0000]?.eax
        let interface = leaves[0x4000_0001]?.eax
        let stackTrusted = leaves[0x4000_0081]?.eax == virtualizationStackInterface
        let notes = kernelNotes(leaves, hypervisorPresentBit: hypervisorPresentBit)
        return leaves.filter { leaf, _ in
            isPresent(leaf, maxLeaf: maxLeaf, interface: interface, stackTrusted: stackTrusted) || notes[leaf] != nil
        }
    }

    /// The leaves kept only by newer kernels' rules, each with how the kernel uses it.
    public static func kernelNotes(_ leaves: HypervisorLeaves, hypervisorPresentBit: Bool?) -> [UInt32: String] {
        guard hypervisorPresentBit != false else { return [:] }
        let maxLeaf = leaves[0x4000_0000]?.eax
        let interface = leaves[0x4000_0001]?.eax
        guard interface == nil || interface == hyperVInterface else { return [:] }
        var notes: [UInt32: String] = [:]
        if leaves[0x4000_0082] != nil, leaves[0x4000_0081]?.eax != virtualizationStackInterface {
            notes[0x4000_0082] =
                "read by newer kernels without the 0x40000081 \"VS#1\" check; Linux 6.1 reads it only after that check"
        }
        if let maxLeaf, maxLeaf < 0x4000_000C, leaves[0x4000_000C] != nil,
            let ebx = leaves[0x4000_0003]?.ebx, ebx & (1 << 22) != 0
        {
            notes[0x4000_000C] =
                "above the maximum leaf \(Hex.format(maxLeaf, digits: 8)), read by Linux because 0x40000003 EBX[22] "
                + "(isolation) is set"
        }
        return notes
    }

    static func isPresent(_ leaf: UInt32, maxLeaf: UInt32?, interface: UInt32?, stackTrusted: Bool) -> Bool {
        switch leaf {
        case 0x4000_0000...0x4000_0001:
            return true
        case 0x4000_0002...0x4000_007F:
            if let interface, interface != hyperVInterface { return false }
            if let maxLeaf, leaf > maxLeaf { return false }
            return true
        case 0x4000_0080...0x4000_00FF:
            if let interface, interface != hyperVInterface { return false }
            return stackTrusted
        default:
            return true
        }
    }
}
