extension KernelLogFacts {
    /// The facts as the CPUID registers they were read from, so a log-only machine (arm64, or a
    /// pasted log) goes through the same leaf decoders as CPUID (docs/json-schema.md: "the four words
    /// the kernel prints fill the same registers").
    ///
    /// | Leaf | Registers |
    /// | --- | --- |
    /// | 0x40000002 | all four, from `hostVersion` (§1.3) |
    /// | 0x40000003 | EAX = low, EBX = high, ECX = ext, EDX = misc (§1.4, §7.1) |
    /// | 0x40000004 | EAX = hints (§1.5) |
    /// | 0x4000000A | EAX = nested features (§1.10) |
    /// | 0x4000000C | EAX = Group A, EBX = Group B (§1.11) |
    ///
    /// Registers the log does not print stay nil; a leaf with nothing known is left out. On arm64
    /// `misc` is word c of `HvRegisterPrivilegesAndFeaturesInfo` and still lands in EDX: the
    /// decoder must apply the arm64 bit map (§1.13).
    public func leaves() -> HypervisorLeaves {
        var leaves: HypervisorLeaves = [:]
        let candidates: [(UInt32, RegisterSet)] = [
            (0x4000_0002, hostVersion?.registers ?? RegisterSet()),
            (0x4000_0003, RegisterSet(eax: privilegeLow, ebx: privilegeHigh, ecx: ext, edx: misc)),
            (0x4000_0004, RegisterSet(eax: hints)),
            (0x4000_000A, RegisterSet(eax: nestedFeatures)),
            (0x4000_000C, RegisterSet(eax: isolationGroupA, ebx: isolationGroupB)),
        ]
        for (leaf, registers) in candidates where !registers.isEmpty {
            leaves[leaf] = registers
        }
        return leaves
    }
}
