/// Every kernel log line the parser recognises, with the format string it was printed from.
///
/// Sources: reference §7.1 (x86), §7.2 (arm64), §7.3 (older kernels); the 6.1 strings were checked
/// against `arch/x86/kernel/cpu/mshyperv.c`, `arch/arm64/hyperv/mshyperv.c`,
/// `drivers/hv/connection.c`, `drivers/hv/channel_mgmt.c`, `drivers/hv/hv_common.c` and
/// `arch/x86/hyperv/{hv_apic,hv_spinlock,mmu}.c`. Prefixes that come from a file's `pr_fmt`
/// (`hv_vmbus: `, `Hyper-V: `) are part of the pattern. See `LogPattern` for the syntax.
///
/// The device protocol lines (`DeviceProtocolKind`) were read in the 6.1 drivers themselves; the
/// prefix of each is named next to it.
enum KernelLogMessage: CaseIterable, Sendable {
    case privilegeFlagsExt, privilegeFlags, featuresMisc, features
    case hostBuild, hypervisorBuild, legacyHostBuild, legacyVMBusHostBuild, legacyOSHostBuild
    case isolationConfig, nestedFeatures, lapicTimerFrequency
    case vmbusVersion, vmbusConfidential, vmbusUnableToConnect, vmbusInvalidIsolationVersion, vmbusUnknownGUID
    case hypervisorDetected, rootPartition, l1vhPartition, nestedHypervisor, clocksourceSwitched
    case ipiHypercalls, enlightenedAPIC, remoteTLBFlush, pvSpinlocksEnabled, pvSpinlocksDisabled
    case crashKexecPostNotifiers, hypercallMSRUnavailable, vpIndexMSRUnavailable, tscUnstable
    case kvpIC, timeSyncIC, heartbeatIC, shutdownIC, vssIC, fcopyIC
    case dynamicMemoryProtocol, synthvidFB, synthvidDRM, vpciProtocol, nvspProtocol

    var format: String {
        switch self {
        // §7.1: 6.15+ inserted `ext` and switched to %#x (zero prints as `0`).
        case .privilegeFlagsExt: return "{hv}: privilege flags low {x}, high {x}, ext {x}, hints {x}, misc {x}"
        // §7.1/§7.2: 6.1 x86 and every arm64 kernel.
        case .privilegeFlags: return "{hv}: privilege flags low {x}, high {x}, hints {x}, misc {x}"
        // §7.3: older x86, and early arm64 postings spelled `Features`.
        case .featuresMisc: return "{hv}: features {x}, hints {x}, misc {x}"
        case .features: return "{hv}: features {x}, hints {x}"
        // §1.3: major.minor.build.service_number-service_pack-service_branch.
        case .hostBuild: return "{hv}: Host Build {d}.{d}.{d}.{d}-{d}-{d}"
        case .hypervisorBuild: return "{hv}: Hypervisor Build {d}.{d}.{d}.{d}-{d}-{d}"
        // §7.3: build-major.minor-service_pack-service_branch.service_number.
        case .legacyHostBuild: return "{hv} Host Build:~{d}-{d}.{d}-{d}-{d}.{d}"
        case .legacyVMBusHostBuild: return "hv_vmbus: {hv} Host Build:~{d}-{d}.{d}-{d}-{d}.{d}; Vmbus version:~{d}.{d}"
        // 3.x drivers/hv/hv.c hv_init(): pr_info("Hyper-V Host OS Build:%d-%d.%d-%d-%d.%d\n", eax,
        // ebx >> 16, ebx & 0xFFFF, ecx, edx >> 24, edx & 0xFFFFFF), the same order as the later
        // `Host Build:` line, under hv_vmbus's pr_fmt (issue 13: "7601-6.1-17-0.17939").
        case .legacyOSHostBuild: return "hv_vmbus: {hv} Host OS Build:~{d}-{d}.{d}-{d}-{d}.{d}"
        case .isolationConfig: return "{hv}: Isolation Config: Group A {x}, Group B {x}"
        case .nestedFeatures: return "{hv}: Nested features: {x}"
        case .lapicTimerFrequency: return "{hv}: LAPIC Timer Frequency: {x}"
        case .vmbusVersion: return "hv_vmbus: Vmbus version:~{d}.{d}"
        case .vmbusConfidential: return "hv_vmbus: VMBus is confidential: {d}"
        case .vmbusUnableToConnect: return "hv_vmbus: Unable to connect to host"
        case .vmbusInvalidIsolationVersion:
            return "hv_vmbus: Invalid VMBus version {d}.{d} (expected >= {d}.{d}) from the host supporting isolation"
        case .vmbusUnknownGUID: return "hv_vmbus: Unknown GUID: {g}"
        case .hypervisorDetected: return "Hypervisor detected: {r}"
        case .rootPartition: return "{hv}: running as root partition"
        // mainline drivers/hv/hv_common.c hv_identify_partition_type() (issue 13).
        case .l1vhPartition: return "{hv}: running as L1VH partition"
        case .nestedHypervisor: return "{hv}: running on a nested hypervisor"
        case .clocksourceSwitched: return "clocksource: Switched to clocksource {w}"
        case .ipiHypercalls: return "{hv}: Using IPI hypercalls"
        // hv_apic.c prints this one without a newline: the next message may follow on the line.
        case .enlightenedAPIC: return "{hv}: Using enlightened APIC ({w} mode)"
        case .remoteTLBFlush: return "{hv}: Using hypercall for remote TLB flush"
        case .pvSpinlocksEnabled: return "{hv}: PV spinlocks enabled"
        case .pvSpinlocksDisabled: return "{hv}: PV spinlocks disabled"
        case .crashKexecPostNotifiers: return "{hv}: enabling crash_kexec_post_notifiers"
        case .hypercallMSRUnavailable: return "x86/hyperv: HYPERCALL MSR not available."
        case .vpIndexMSRUnavailable: return "x86/hyperv: VP_INDEX MSR not available."
        case .tscUnstable: return "tsc: Marking TSC unstable due to running on {hv}"
        default: return deviceProtocolFormat
        }
    }

    /// The lines a driver prints when it has negotiated its device protocol. `hv_utils: ` is the
    /// `pr_fmt` (`KBUILD_MODNAME`) of `hv_util.c`, `hv_kvp.c`, `hv_snapshot.c` and `hv_fcopy.c`,
    /// which all link into the hv_utils module (`drivers/hv/Makefile`), built in or not.
    private var deviceProtocolFormat: String {
        switch self {
        // drivers/hv/hv_kvp.c, hv_util.c, hv_snapshot.c, hv_fcopy.c: pr_info("… IC version %d.%d\n").
        case .kvpIC: return "hv_utils: KVP IC version {d}.{d}"
        case .timeSyncIC: return "hv_utils: TimeSync IC version {d}.{d}"
        case .heartbeatIC: return "hv_utils: Heartbeat IC version {d}.{d}"
        case .shutdownIC: return "hv_utils: Shutdown IC version {d}.{d}"
        case .vssIC: return "hv_utils: VSS IC version {d}.{d}"
        case .fcopyIC: return "hv_utils: FCopy IC version {d}.{d}"
        // drivers/hv/hv_balloon.c: "Using Dynamic Memory protocol version %u.%u".
        case .dynamicMemoryProtocol: return "hv_balloon: Using Dynamic Memory protocol version {d}.{d}"
        // drivers/video/fbdev/hyperv_fb.c pr_info (pr_fmt KBUILD_MODNAME), no device name.
        case .synthvidFB: return "hyperv_fb: Synthvid Version major {d}, minor {d}"
        // drivers/gpu/drm/hyperv/hyperv_drm_proto.c drm_info(): dev_info(<hv device>, "[drm] " fmt).
        case .synthvidDRM: return "hyperv_drm {g}: [drm] Synthvid Version major {d}, minor {d}"
        // drivers/pci/controller/pci-hyperv.c dev_info(&hdev->device, "… Using version %#x").
        case .vpciProtocol: return "hv_pci {g}: PCI VMBus probing: Using version {x}"
        // drivers/net/hyperv/netvsc.c pr_debug(): only with dynamic debug enabled for netvsc.
        case .nvspProtocol: return "hv_netvsc: Negotiated NVSP version:{h}"
        default: return ""
        }
    }

    /// Patterns that start with the same bytes.
    struct LeadGroup: Sendable {
        var lead: [UInt8]
        /// Every pattern of the group starts with `{hv}`.
        var startsWithHyperV: Bool
        var patterns: [(message: KernelLogMessage, pattern: LogPattern)]

        /// Whether `bytes` holds the lead at `start`, ignoring case (or its beginning, where the
        /// line ends early: the message may continue on the next line).
        func isLead(of bytes: [UInt8], at start: Int) -> Bool {
            let available = min(lead.count, bytes.count - start)
            var offset = 0
            while offset < available {
                if ASCII.lowercased(bytes[start + offset]) != lead[offset] { return false }
                offset += 1
            }
            return true
        }
    }

    /// The compiled patterns, grouped by their first bytes and indexed by the first byte in both
    /// cases, so a line is only tried where a message can start.
    static let byLeadingByte: [[LeadGroup]] = {
        var table = Array(repeating: [LeadGroup](), count: 256)
        for message in allCases {
            let pattern = LogPattern(message.format)
            let lead = pattern.lead
            let startsWithHyperV = pattern.tokens.first == .hyperV
            guard let first = lead.first else { continue }
            let upper = first & ~0x20
            let slots = (0x41...0x5A).contains(upper) ? [Int(first), Int(upper)] : [Int(first)]
            for slot in slots {
                if let index = table[slot].firstIndex(where: {
                    $0.lead == lead && $0.startsWithHyperV == startsWithHyperV
                }) {
                    table[slot][index].patterns.append((message, pattern))
                } else {
                    let group = LeadGroup(
                        lead: lead, startsWithHyperV: startsWithHyperV, patterns: [(message, pattern)])
                    table[slot].append(group)
                }
            }
        }
        return table
    }()
}
