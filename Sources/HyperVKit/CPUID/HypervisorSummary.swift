/// What the hypervisor leaves say about the machine, as `hvctl features --json` reports it in
/// `hypervisor`, `host`, `partition`, `isolation`, `nested` and `limits` (docs/json-schema.md).
///
/// Whatever the source cannot tell is nil and encodes as `null`, never as a made-up default: the
/// kernel log, for one, fills only some registers (§7). `encode(to:)` writes those six keys into
/// the encoder's object, so a report can encode the summary and then its own keys into one object.
public struct HypervisorSummary: Sendable, Codable, Equatable {
    public var hypervisor: Hypervisor
    public var host: Host?
    public var partition: Partition
    public var isolation: Isolation
    /// Running as a nested guest / the hypervisor is itself nested; nil when unknown.
    public var nested: Bool?
    public var limits: Limits

    public init(
        hypervisor: Hypervisor, host: Host?, partition: Partition, isolation: Isolation, nested: Bool?,
        limits: Limits
    ) {
        self.hypervisor = hypervisor
        self.host = host
        self.partition = partition
        self.isolation = isolation
        self.nested = nested
        self.limits = limits
    }

    enum CodingKeys: String, CodingKey {
        case hypervisor, host, partition, isolation, nested, limits
    }

    /// Summarises raw leaves.
    ///
    /// - Parameters:
    ///   - leaves: the raw leaves, from CPUID or from the kernel log (where unprinted registers are nil).
    ///   - hypervisorPresentBit: CPUID.1:ECX[31]; nil when the leaves come from the kernel log.
    ///   - architecture: selects the arm64 bit maps of the hints (§1.13).
    ///
    /// Only the leaves `LeafPresence` trusts are used. On a machine that is not Hyper-V by §1.1,
    /// the other leaves do not carry Hyper-V's meaning, so everything but `hypervisor` is unknown.
    ///   - fromHyperVLog: the leaves come from a kernel log holding Hyper-V lines: the kernel prints
    ///     any of them only once it has detected Hyper-V, so one line (an isolation line alone, a
    ///     Vmbus version alone) is enough (issue 13).
    public static func make(
        leaves: HypervisorLeaves, hypervisorPresentBit: Bool?, architecture: Architecture, fromHyperVLog: Bool = false
    ) -> HypervisorSummary {
        let present = LeafPresence.presentLeaves(leaves, hypervisorPresentBit: hypervisorPresentBit)
        var identity = identify(present, hypervisorPresentBit: hypervisorPresentBit)
        if fromHyperVLog && hypervisorPresentBit == nil && identity.vendor == nil {
            identity.present = true
            identity.isHyperV = true
        }
        guard identity.isHyperV else {
            return HypervisorSummary(
                hypervisor: identity, host: nil, partition: Partition(role: nil),
                isolation: Isolation(type: nil, paravisor: nil, sharedGpaBoundaryBits: nil), nested: nil,
                limits: Limits(maxVirtualProcessors: nil, maxLogicalProcessors: nil))
        }
        return HypervisorSummary(
            hypervisor: identity, host: host(present),
            partition: Partition(role: role(present), roleLinux61: roleLinux61(present)),
            isolation: isolation(present, impliedByLog: fromHyperVLog),
            nested: nested(present, architecture: architecture),
            limits: limits(present))
    }

    /// Reference §1.1: CPUID.1:ECX[31] set, 0x40000005 <= max leaf <= 0x4000FFFF (`HYPERV_CPUID_MIN`,
    /// `HYPERV_CPUID_MAX`) and "Microsoft Hv" (`ms_hyperv_platform()`). Without leaf 0x40000000
    /// (kernel-log source) the privilege or host-build lines stand in: the kernel prints them only
    /// once it has detected Hyper-V by those same rules.
    static func identify(_ leaves: HypervisorLeaves, hypervisorPresentBit: Bool?) -> Hypervisor {
        let vendorLeaf = leaves[0x4000_0000]
        let maxLeaf = vendorLeaf?.eax
        var vendor: String?
        var vendorEscaped: String?
        var isVendorHyperV = false
        if let ebx = vendorLeaf?.ebx, let ecx = vendorLeaf?.ecx, let edx = vendorLeaf?.edx {
            vendor = SignatureText.printable(of: [ebx, ecx, edx])
            vendorEscaped = KnownHypervisor.signatureText(ebx: ebx, ecx: ecx, edx: edx)
            isVendorHyperV = KnownHypervisor.identify(ebx: ebx, ecx: ecx, edx: edx) == .hyperV
        }
        let interface = leaves[0x4000_0001]?.eax.flatMap { SignatureText.printable(of: [$0]) }
        let anyData = leaves.values.contains { !$0.isEmpty }
        let present = hypervisorPresentBit ?? anyData
        let isHyperV: Bool
        if let maxLeaf {
            isHyperV = present && (0x4000_0005...0x4000_FFFF).contains(maxLeaf) && isVendorHyperV
        } else {
            let logged = [0x4000_0002, 0x4000_0003].contains { leaves[$0].map { !$0.isEmpty } ?? false }
            isHyperV = present && logged && (vendor == nil || isVendorHyperV)
        }
        var hypervisor = Hypervisor(
            present: present, vendor: vendor, interface: interface, isHyperV: isHyperV, maxLeaf: maxLeaf)
        hypervisor.vendorEscaped = vendorEscaped
        return hypervisor
    }

    /// Leaf 0x40000002, when all four registers are known.
    static func host(_ leaves: HypervisorLeaves) -> Host? {
        guard let leaf = leaves[0x4000_0002], let eax = leaf.eax, let ebx = leaf.ebx, let ecx = leaf.ecx,
            let edx = leaf.edx
        else { return nil }
        return Host(version: HostVersion(eax: eax, ebx: ebx, ecx: ecx, edx: edx))
    }

    /// Mainline (`hv_identify_partition_type()`, issue 13): with 0x40000003 EBX[0]
    /// (`HV_CREATE_PARTITIONS`) set and EBX[22] (`HV_ISOLATION`) clear, root when EBX[12]
    /// (`HV_CPU_MANAGEMENT`) is set too ("running as root partition"), else L1VH ("running as L1VH
    /// partition"); a child otherwise.
    static func role(_ leaves: HypervisorLeaves) -> Role? {
        guard let ebx = leaves[0x4000_0003]?.ebx else { return nil }
        guard ebx & 1 != 0, ebx & (1 << 22) == 0 else { return .child }
        return ebx & (1 << 12) != 0 ? .root : .l1vh
    }

    /// Linux 6.1 (`arch/x86/kernel/cpu/mshyperv.c`): root when EBX[12] is set and EBX[22] clear.
    static func roleLinux61(_ leaves: HypervisorLeaves) -> Role? {
        guard let ebx = leaves[0x4000_0003]?.ebx else { return nil }
        return ebx & (1 << 12) != 0 && ebx & (1 << 22) == 0 ? .root : .child
    }
}

extension HypervisorSummary {
    /// Leaf 0x4000000C, read only when 0x40000003 EBX[22] (`HV_ISOLATION`) is set, as Linux does
    /// (reference §1.11, `arch/x86/kernel/cpu/mshyperv.c`); otherwise the partition is not isolated.
    ///
    /// - `paravisor` comes from EAX[0] (`HV_PARAVISOR_PRESENT`); for a partition that is not
    ///   isolated it is nil: Linux never consults the bit then, so hvctl does not guess.
    /// - `shared_gpa_boundary_bits` (EBX[11:6]) only when EBX[5] (`HV_SHARED_GPA_BOUNDARY_ACTIVE`)
    ///   is set: newer kernels compute the boundary only then; 6.1 computed it unconditionally.
    /// - `type` is EBX[3:0]: 0-3 by name (3 = TDX, newer kernels), anything else `unknown`.
    ///
    /// From a kernel log without the privilege line, the isolation line itself implies EBX[22]:
    /// `ms_hyperv_init_platform()` prints it only inside `if (priv_high & HV_ISOLATION)`.
    static func isolation(_ leaves: HypervisorLeaves, impliedByLog: Bool = false) -> Isolation {
        let impliedIsolated = impliedByLog && leaves[0x4000_000C]?.ebx != nil
        guard let privileges = leaves[0x4000_0003]?.ebx ?? (impliedIsolated ? 1 << 22 : nil) else {
            return Isolation(type: nil, paravisor: nil, sharedGpaBoundaryBits: nil)
        }
        guard privileges & (1 << 22) != 0 else {
            return Isolation(type: IsolationType.none, paravisor: nil, sharedGpaBoundaryBits: nil)
        }
        let config = leaves[0x4000_000C]
        let paravisor = config?.eax.map { $0 & 1 != 0 }
        guard let ebx = config?.ebx else {
            return Isolation(type: nil, paravisor: paravisor, sharedGpaBoundaryBits: nil)
        }
        let bits = ebx & (1 << 5) != 0 ? Int((ebx >> 6) & 0x3F) : nil
        return Isolation(type: IsolationType(value: ebx & 0xF), paravisor: paravisor, sharedGpaBoundaryBits: bits)
    }

    /// Nested when either source says so:
    /// - the hints (0x40000004 EAX) "hypervisor is nested inside a Hyper-V partition" bit: x86 bit
    ///   12 (`HV_X64_HYPERV_NESTED`, which newer Linux uses to log "running on a nested
    ///   hypervisor"), arm64 bit 4 (§1.13);
    /// - on x86, the hypervisor level of the current guest in 0x40000006 EAX[13:10], which the
    ///   TLFS defines as 0 when not nested, so any other value means a hypervisor below ours. It
    ///   covers hosts that fill leaf 6 but not the hint; the kernel log never gives leaf 6.
    /// False when every known source says no; nil when neither register is known.
    static func nested(_ leaves: HypervisorLeaves, architecture: Architecture) -> Bool? {
        let hints = leaves[0x4000_0004]?.eax
        var signals: [Bool] = []
        switch architecture {
        case .x86_64:
            if let hints { signals.append(hints & (1 << 12) != 0) }
            if let level = leaves[0x4000_0006]?.eax { signals.append((level >> 10) & 0xF != 0) }
        case .aarch64:
            if let hints { signals.append(hints & (1 << 4) != 0) }
        }
        return signals.isEmpty ? nil : signals.contains(true)
    }

    /// Leaf 0x40000005 EAX/EBX; zero means "not exposed" (TLFS), so it is nil like an unknown one.
    static func limits(_ leaves: HypervisorLeaves) -> Limits {
        func count(_ value: UInt32?) -> Int? {
            guard let value, value != 0 else { return nil }
            return Int(value)
        }
        let leaf = leaves[0x4000_0005]
        return Limits(maxVirtualProcessors: count(leaf?.eax), maxLogicalProcessors: count(leaf?.ebx))
    }
}
