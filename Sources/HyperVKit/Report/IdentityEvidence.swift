/// What one source says about the machine's hypervisor (issue 13: identity from every source).
///
/// A source either saw Hyper-V, saw something else, saw nothing it could judge by, or could not be
/// read. Only CPUID and the kernel's own `Hypervisor detected:` line can say "another
/// hypervisor"; the others can only say Hyper-V or nothing, because each exists only on Hyper-V:
/// a VMBus (only Hyper-V and Microsoft's paravisors offer one), `hv_vmbus` loaded as a module (its
/// init returns ENODEV elsewhere, `drivers/hv/vmbus_drv.c` hv_acpi_init()), the Hyper-V clock
/// sources (registered only on Hyper-V, `drivers/clocksource/hyperv_timer.c`), KVP pools (written
/// by hv_kvp_daemon through `/dev/vmbus/hv_kvp`), and the Hyper-V firmware's DMI strings.
public struct IdentityEvidence: Sendable, Equatable, Codable {
    public enum Source: String, Sendable, Codable, CaseIterable {
        case cpuid
        case kernelLog = "kernel_log"
        case vmbus
        case hvVMBusModule = "hv_vmbus_module"
        case dmi
        case clocksource
        case kvp
    }

    public enum Verdict: String, Sendable, Codable {
        /// The source shows Hyper-V.
        case hyperV = "hyperv"
        /// The source shows another hypervisor (or none: CPUID's hypervisor bit clear).
        case other
        /// Read, and shows nothing either way.
        case silent
        /// Not captured, or could not be read.
        case unknown
    }

    public var source: Source
    public var says: Verdict
    /// In words: `vendor "Microsoft Hv"`, `13 devices under /sys/bus/vmbus/devices`, `not captured`.
    public var detail: String

    public init(_ source: Source, _ says: Verdict, _ detail: String) {
        self.source = source
        self.says = says
        self.detail = detail
    }

    /// The name a sentence uses: "VMBus", "DMI", "the kernel log".
    public var sourceName: String {
        switch source {
        case .cpuid: return "CPUID"
        case .kernelLog: return "the kernel log"
        case .vmbus: return "VMBus"
        case .hvVMBusModule: return "the hv_vmbus module"
        case .dmi: return "DMI"
        case .clocksource: return "the clock sources"
        case .kvp: return "the KVP pools"
        }
    }
}

/// Everything the identity is concluded from, read by `IdentityEvidenceReader` (or handed over by
/// a command that read it already), so the conclusion itself is pure.
public struct IdentityInputs: Sendable {
    public var features: FeaturesReport?
    /// Why no features report could be made (no CPUID, no log).
    public var featuresFailure: ReportFailure?
    /// The vendor signature at 0x40000100 (KVM's own leaves when 0x40000000 imitates Hyper-V).
    public var alternateSignature: KnownHypervisor?
    /// The parsed kernel log, or why it could not be read.
    public var logFacts: Result<KernelLogFacts, ReportFailure>?
    public var dmi: DMIInfo
    /// arm64 has no CPUID at all (reference §1.13).
    public var architecture: Architecture = .x86_64
    /// Entries of `/sys/bus/vmbus/devices`; nil when the directory is absent or unreadable.
    public var vmbusDevices: Int?
    /// Whether `/sys/bus/vmbus` itself exists (the bus registers even with no device offered).
    public var vmbusBus: Bool?
    /// `hv_vmbus` loaded as a module (`/sys/module/hv_vmbus/initstate`): true, false (built in or
    /// not loaded), nil when `/sys/module` was not captured.
    public var hvVMBusModuleLoaded: Bool?
    public var clocksource: ClockSource?
    /// `.kvp_pool_N` files under `/var/lib/hyperv`; nil when the directory was not captured.
    public var kvpPools: Int?

    public init(dmi: DMIInfo) {
        self.dmi = dmi
    }
}

extension HypervisorIdentity {
    /// The identity from every source (issue 13). CPUID decides when it was read, with today's
    /// rules for an imitation (§1.1 caveat); the kernel log next (any Hyper-V line, or its
    /// `Hypervisor detected:`); otherwise the sources that exist only on Hyper-V. A source that
    /// could not be read never counts as "no": with nothing read the answer is unknown, not
    /// "not Hyper-V".
    public static func conclude(_ inputs: IdentityInputs) -> HypervisorIdentity {
        let sources = evidence(inputs)
        let cpuid = sources.first { $0.source == .cpuid }
        let log = sources.first { $0.source == .kernelLog }
        let positive = sources.filter { $0.says == .hyperV && $0.source != .cpuid && $0.source != .kernelLog }
        var identity: HypervisorIdentity
        if let summary = inputs.features?.summary.hypervisor, inputs.features?.source == .cpuid || cpuid?.says == .other
        {
            identity = identify(
                summary: summary, alternateSignature: inputs.alternateSignature, dmi: inputs.dmi,
                kernelDetected: (try? inputs.logFacts?.get())?.hypervisorDetected)
        } else if let log, log.says == .other, let detected = (try? inputs.logFacts?.get())?.hypervisorDetected {
            let kind = KnownHypervisor.allCases.first { $0.displayName == detected }
            identity = HypervisorIdentity(
                kind: kind, name: kind?.displayName ?? detected, isGenuineHyperV: false, imitatesHyperV: false,
                evidence: ["kernel log \"Hypervisor detected: \(detected)\""])
        } else if log?.says == .hyperV || !positive.isEmpty {
            identity = HypervisorIdentity(
                kind: .hyperV, name: KnownHypervisor.hyperV.displayName, isGenuineHyperV: true, imitatesHyperV: false,
                evidence: ([log].compactMap { $0 } + positive).filter { $0.says == .hyperV }.map(\.detail))
        } else {
            identity = HypervisorIdentity(
                kind: nil, name: "unknown", isGenuineHyperV: false, imitatesHyperV: false,
                evidence: ["no source shows a hypervisor: " + unread(sources)])
        }
        identity.sources = sources
        identity.confidence = confidence(identity, sources: sources)
        identity.conflicts = conflicts(identity, sources: sources)
        return identity
    }

    /// How sure: `certain` by CPUID (or the kernel's own line), `strong` by a VMBus, KVP pools or the
    /// hv_vmbus module, `weak` by DMI or the clock sources alone; nil when unknown.
    static func confidence(_ identity: HypervisorIdentity, sources: [IdentityEvidence]) -> String? {
        guard identity.kind != nil || identity.isGenuineHyperV else { return nil }
        let deciding = sources.filter { $0.says == (identity.isGenuineHyperV ? .hyperV : .other) }
        if deciding.contains(where: { $0.source == .cpuid || $0.source == .kernelLog }) { return "certain" }
        if deciding.contains(where: { [.vmbus, .kvp, .hvVMBusModule].contains($0.source) }) { return "strong" }
        return "weak"
    }

    /// Sources that disagree with the conclusion, in words.
    static func conflicts(_ identity: HypervisorIdentity, sources: [IdentityEvidence]) -> [String] {
        guard identity.kind != nil else { return [] }
        let against: IdentityEvidence.Verdict = identity.isGenuineHyperV ? .other : .hyperV
        return sources.filter { $0.says == against }.map { "\($0.sourceName): \($0.detail)" }
    }

    static func unread(_ sources: [IdentityEvidence]) -> String {
        let names = sources.filter { $0.says == .unknown }.map(\.sourceName)
        return names.isEmpty ? "every source read shows none" : names.joined(separator: ", ") + " not read"
    }

    /// No source could tell anything (a capture holding none of them).
    public var isUnknown: Bool { kind == nil && !isGenuineHyperV && name == "unknown" }

    /// One line: "Microsoft Hyper-V, by VMBus and DMI; CPUID not captured".
    public var summary: String {
        guard isGenuineHyperV || kind != nil else { return name }
        let deciding = sources.filter { $0.says == (isGenuineHyperV ? .hyperV : .other) }.map(\.sourceName)
        var text = name
        if !deciding.isEmpty { text += ", by " + HypervisorIdentity.sentence(deciding) }
        if let cpuid = sources.first(where: { $0.source == .cpuid }), cpuid.says == .unknown {
            text += "; CPUID " + cpuid.detail
        }
        return text
    }

    static func sentence(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// Each source's statement.
    static func evidence(_ inputs: IdentityInputs) -> [IdentityEvidence] {
        [
            cpuidEvidence(inputs), logEvidence(inputs), vmbusEvidence(inputs), moduleEvidence(inputs),
            dmiEvidence(inputs.dmi), clockEvidence(inputs.clocksource), kvpEvidence(inputs.kvpPools),
        ]
    }

    static func cpuidEvidence(_ inputs: IdentityInputs) -> IdentityEvidence {
        if inputs.architecture == .aarch64 { return IdentityEvidence(.cpuid, .unknown, "does not exist on arm64") }
        guard let features = inputs.features, features.source == .cpuid else {
            return IdentityEvidence(.cpuid, .unknown, inputs.features == nil ? "not captured" : "shows no Hyper-V")
        }
        let hypervisor = features.summary.hypervisor
        guard hypervisor.present else {
            return IdentityEvidence(.cpuid, .other, "CPUID.1:ECX[31] (hypervisor present) is clear")
        }
        let vendor =
            hypervisor.vendor.map { "vendor \"\($0)\"" } ?? hypervisor.vendorEscaped.map { "vendor \"\($0)\"" }
            ?? "no vendor leaf"
        return IdentityEvidence(.cpuid, hypervisor.isHyperV ? .hyperV : .other, "CPUID 0x40000000 " + vendor)
    }

    static func logEvidence(_ inputs: IdentityInputs) -> IdentityEvidence {
        switch inputs.logFacts {
        case nil: return IdentityEvidence(.kernelLog, .unknown, "not read")
        case .failure(let failure):
            switch failure.kind {
            case .invalidInput where failure.notCaptured:
                return IdentityEvidence(.kernelLog, .unknown, "not captured")
            case .permissionDenied: return IdentityEvidence(.kernelLog, .unknown, "not readable (permission denied)")
            default: return IdentityEvidence(.kernelLog, .unknown, failure.message)
            }
        case .success(let facts):
            if let detected = facts.hypervisorDetected, !detected.contains("Hyper") {
                return IdentityEvidence(.kernelLog, .other, "kernel log \"Hypervisor detected: \(detected)\"")
            }
            guard facts.hyperVLines > 0 else { return IdentityEvidence(.kernelLog, .silent, "no Hyper-V line") }
            return IdentityEvidence(
                .kernelLog, .hyperV, "kernel log: \(facts.hyperVLines) Hyper-V line\(facts.hyperVLines == 1 ? "" : "s")"
            )
        }
    }

    static func vmbusEvidence(_ inputs: IdentityInputs) -> IdentityEvidence {
        if let devices = inputs.vmbusDevices, devices > 0 {
            return IdentityEvidence(
                .vmbus, .hyperV, "\(devices) device\(devices == 1 ? "" : "s") under /sys/bus/vmbus/devices")
        }
        if inputs.vmbusBus == true {
            return IdentityEvidence(.vmbus, .silent, "\(VMBusReader.busDirectory) holds no device")
        }
        return IdentityEvidence(.vmbus, .unknown, "no /sys/bus/vmbus")
    }

    static func moduleEvidence(_ inputs: IdentityInputs) -> IdentityEvidence {
        switch inputs.hvVMBusModuleLoaded {
        case true?: return IdentityEvidence(.hvVMBusModule, .hyperV, "hv_vmbus loaded as a module")
        case false?: return IdentityEvidence(.hvVMBusModule, .silent, "hv_vmbus not loaded as a module")
        case nil: return IdentityEvidence(.hvVMBusModule, .unknown, "\(KernelModuleReader.directory) not captured")
        }
    }

    static func dmiEvidence(_ dmi: DMIInfo) -> IdentityEvidence {
        guard dmi.available else { return IdentityEvidence(.dmi, .unknown, "no /sys/class/dmi/id") }
        if dmi.isHyperVFirmware {
            return IdentityEvidence(.dmi, .hyperV, "DMI \"Microsoft Corporation\" \"Virtual Machine\"")
        }
        if let vendor = dmi.sysVendor, vendor.hasPrefix("QEMU") || vendor.hasPrefix("Xen") {
            return IdentityEvidence(.dmi, .other, "DMI sys_vendor \"\(vendor)\"")
        }
        return IdentityEvidence(.dmi, .silent, "DMI sys_vendor \"\(dmi.sysVendor ?? "-")\"")
    }

    static func clockEvidence(_ clock: ClockSource?) -> IdentityEvidence {
        guard let clock, clock.current != nil || !clock.available.isEmpty else {
            return IdentityEvidence(.clocksource, .unknown, "not read")
        }
        if let name = (clock.available + [clock.current].compactMap { $0 }).first(where: { $0.hasPrefix("hyperv_") }) {
            return IdentityEvidence(.clocksource, .hyperV, "clock source \(name)")
        }
        return IdentityEvidence(.clocksource, .silent, "no Hyper-V clock source")
    }

    static func kvpEvidence(_ pools: Int?) -> IdentityEvidence {
        guard let pools else { return IdentityEvidence(.kvp, .unknown, "\(KVPPool.directory) not captured") }
        guard pools > 0 else { return IdentityEvidence(.kvp, .silent, "no KVP pool") }
        return IdentityEvidence(.kvp, .hyperV, "\(pools) KVP pool\(pools == 1 ? "" : "s") in /var/lib/hyperv")
    }
}
