/// Which hypervisor this really is, beyond the vendor signature: KVM and Xen can answer "Microsoft
/// Hv" themselves (reference §1.1 caveat; the kernel guards against "a KVM or Xen emulation of
/// Hyper-V" in `hv_is_hyperv_initialized()`).
public struct HypervisorIdentity: Sendable, Equatable, Encodable {
    /// The hypervisor by signature: `hyperv`, `kvm`, `xen`, …; nil for none or an unknown signature.
    public var kind: KnownHypervisor?
    /// For people: "Microsoft Hyper-V", "KVM", "none", or the raw signature.
    public var name: String
    /// True for a genuine Hyper-V guest: Hyper-V by §1.1 and no sign of another hypervisor.
    public var isGenuineHyperV: Bool
    /// The Hyper-V signature is shown by another hypervisor (QEMU/KVM's Hyper-V enlightenments).
    public var imitatesHyperV: Bool
    /// What the conclusion rests on.
    public var evidence: [String]
    /// What every source said, read or not (issue 13).
    public var sources: [IdentityEvidence] = []
    /// `certain`, `strong` or `weak` (`IdentityEvidence`); nil when unknown.
    public var confidence: String?
    /// Sources that disagree with the conclusion.
    public var conflicts: [String] = []

    public init(
        kind: KnownHypervisor?, name: String, isGenuineHyperV: Bool, imitatesHyperV: Bool, evidence: [String]
    ) {
        self.kind = kind
        self.name = name
        self.isGenuineHyperV = isGenuineHyperV
        self.imitatesHyperV = imitatesHyperV
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey {
        case kind, name
        case isGenuineHyperV = "is_genuine_hyperv"
        case imitatesHyperV = "imitates_hyperv"
        case evidence, confidence, sources, conflicts
    }

    /// - Parameters:
    ///   - summary: the decoded hypervisor leaves (from CPUID or the kernel log).
    ///   - alternateSignature: the vendor signature at 0x40000100, where KVM puts its own leaves when
    ///     0x40000000 imitates Hyper-V (`kvm_cpuid_base()` scans in steps of 0x100).
    ///   - dmi: the firmware's DMI strings; QEMU's say `QEMU`, Hyper-V's `Microsoft Corporation`.
    ///   - kernelDetected: what the kernel logged as `Hypervisor detected: …`, when the log was read;
    ///     Linux picks KVM over an imitated Hyper-V (`arch/x86/kernel/cpu/hypervisor.c`).
    public static func identify(
        summary: HypervisorSummary.Hypervisor, alternateSignature: KnownHypervisor?, dmi: DMIInfo,
        kernelDetected: String? = nil
    ) -> HypervisorIdentity {
        guard summary.present else {
            return HypervisorIdentity(
                kind: nil, name: "none", isGenuineHyperV: false, imitatesHyperV: false,
                evidence: ["CPUID.1:ECX[31] (hypervisor present) is clear"])
        }
        let byVendor = summary.vendor.flatMap(KnownHypervisor.identify(vendorText:))
        var evidence: [String] = []
        if let vendor = summary.vendor ?? summary.vendorEscaped {
            evidence.append("CPUID 0x40000000 vendor \"\(vendor)\"")
        } else if summary.isHyperV {
            evidence.append("kernel log: Hyper-V boot lines")
        }
        guard summary.isHyperV else {
            let name =
                byVendor?.displayName ?? (summary.vendor ?? summary.vendorEscaped).map { "unknown (\"\($0)\")" }
                ?? "unknown"
            return HypervisorIdentity(
                kind: byVendor, name: name, isGenuineHyperV: false, imitatesHyperV: false, evidence: evidence)
        }
        var imitator: KnownHypervisor?
        if let alternate = alternateSignature, alternate != .hyperV {
            imitator = alternate
            evidence.append(
                "CPUID 0x40000100 vendor \"\(alternate.signature)\" (\(alternate.displayName)'s own leaves)")
        }
        if let detected = kernelDetected, !detected.contains("Hyper"), summary.vendorEscaped != nil {
            imitator = imitator ?? KnownHypervisor.allCases.first { $0.displayName == detected } ?? .kvm
            evidence.append("kernel log \"Hypervisor detected: \(detected)\"")
        }
        if let vendor = dmi.sysVendor, vendor.hasPrefix("QEMU") {
            imitator = imitator ?? .kvm
            evidence.append("DMI sys_vendor \"\(vendor)\"")
        }
        if let imitator {
            return HypervisorIdentity(
                kind: imitator, name: "\(imitator.displayName) imitating Hyper-V", isGenuineHyperV: false,
                imitatesHyperV: true, evidence: evidence)
        }
        if dmi.isHyperVFirmware { evidence.append("DMI \"Microsoft Corporation\" \"Virtual Machine\"") }
        return HypervisorIdentity(
            kind: .hyperV, name: KnownHypervisor.hyperV.displayName, isGenuineHyperV: true, imitatesHyperV: false,
            evidence: evidence)
    }
}
