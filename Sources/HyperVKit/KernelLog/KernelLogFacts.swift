/// What the Hyper-V boot lines of a kernel log say (reference §7), register words kept raw.
///
/// On arm64 this is the only source of the privilege mask, the misc features, the hints and the
/// host build (§1.13, §7.2); everywhere it is the only source of the negotiated VMBus version
/// (§5.2). A value the log does not print stays `nil`, never zero.
///
/// When a message appears several times (a log holding two boots, or a kexec), the **last**
/// occurrence wins, each message on its own: a later boot that omits a line keeps the earlier
/// boot's value for it. The flags (`runningAsRootPartition`, `usesIPIHypercalls`, …) are true when
/// the line appears anywhere. A line that is malformed or holds an impossible value changes
/// nothing and adds a diagnostic.
public struct KernelLogFacts: Sendable, Equatable {
    /// 0x40000003 EAX, privilege mask bits 31:0 (arm64: word a of the same register).
    public var privilegeLow: UInt32?
    /// 0x40000003 EBX, privilege mask bits 63:32 (arm64: word b).
    public var privilegeHigh: UInt32?
    /// 0x40000003 ECX (printed as `ext` since 6.15 only).
    public var ext: UInt32?
    /// 0x40000003 EDX on x86; on arm64 word c, whose bits differ (reference §1.13).
    public var misc: UInt32?
    /// 0x40000004 EAX (arm64: `HvRegisterFeaturesInfo` word a).
    public var hints: UInt32?
    /// Leaf 0x40000002, from any host-build line.
    public var hostVersion: HostVersion?
    /// 0x4000000C EAX.
    public var isolationGroupA: UInt32?
    /// 0x4000000C EBX.
    public var isolationGroupB: UInt32?
    /// 0x4000000A EAX.
    public var nestedFeatures: UInt32?
    /// The printed value: the APIC_FREQUENCY MSR divided by CONFIG_HZ, i.e. APIC ticks per jiffy.
    public var lapicTimerFrequency: UInt32?
    /// The negotiated VMBus version (the log is the only place it appears, §5.2).
    public var vmbusVersion: VMBusVersion?
    /// The name from `Hypervisor detected: …` (`Microsoft Hyper-V`, older `Microsoft HyperV`, or
    /// another hypervisor's name).
    public var hypervisorDetected: String?
    /// The last `clocksource: Switched to clocksource X`.
    public var clocksource: String?
    public var runningAsRootPartition: Bool
    /// `Hyper-V: running as L1VH partition` (mainline `hv_identify_partition_type()`).
    public var runningAsL1VHPartition = false
    /// `Hyper-V: running on a nested hypervisor` (newer kernels only).
    public var runningOnNestedHypervisor: Bool
    /// `hv_vmbus: VMBus is confidential: %d` (newer kernels, isolated VMs with a paravisor).
    public var confidentialVMBus: Bool?
    /// Which generation the feature line was.
    public var lineFormat: PrivilegeLineFormat?
    /// Which generation the host-build line was.
    public var hostBuildFormat: HostBuildLineFormat?
    /// `Hyper-V: Using IPI hypercalls` (hints bit 10, `arch/x86/hyperv/hv_apic.c`).
    public var usesIPIHypercalls: Bool
    /// `x2apic` or `xapic` from `Hyper-V: Using enlightened APIC (%s mode)` (hints bit 3).
    public var enlightenedAPICMode: String?
    /// `Hyper-V: Using hypercall for remote TLB flush` (hints bit 2, `arch/x86/hyperv/mmu.c`).
    public var usesHypercallForRemoteTLBFlush: Bool
    /// `Hyper-V: PV spinlocks enabled` / `disabled` (`arch/x86/hyperv/hv_spinlock.c`); nil if neither.
    public var pvSpinlocksEnabled: Bool?
    /// `Hyper-V: enabling crash_kexec_post_notifiers` (guest crash MSRs available, `hv_common.c`).
    public var crashKexecPostNotifiers: Bool
    /// `hv_vmbus: Unable to connect to host`: no VMBus version was agreed (§5.2).
    public var vmbusConnectFailed: Bool
    /// An isolated VM refused the host's VMBus version (§5.2).
    public var vmbusIsolationVersionRejected: VMBusVersionRejection?
    /// Class GUIDs of `hv_vmbus: Unknown GUID: …` offers, lowercase, first appearance order, no repeats.
    public var unknownDeviceClasses: [String]
    /// `x86/hyperv: HYPERCALL MSR not available.`: Linux gave up on Hyper-V (§1.1 step 5).
    public var hypercallMSRUnavailable: Bool
    /// `x86/hyperv: VP_INDEX MSR not available.`: Linux gave up on Hyper-V (§1.1 step 5).
    public var vpIndexMSRUnavailable: Bool
    /// `tsc: Marking TSC unstable due to running on Hyper-V` (no TSC invariant control, §7.1).
    public var tscMarkedUnstable: Bool
    /// The device protocol lines (`KVP IC version 4.0`, …) in log order; for each kind and named
    /// device (or each kind, for lines that name none) only the last one is kept.
    public var deviceProtocols: [DeviceProtocolLine]
    /// The (unwrapped, prefix-stripped) lines the facts above came from, in log order. A line
    /// whose facts a later line replaced is not listed.
    public var evidence: [String]
    /// Lines that looked like a known message but could not be used, and why.
    public var diagnostics: [String]
    /// How many lines were Hyper-V's own (any Hyper-V or VMBus message, of any generation; not a
    /// generic clocksource line nor another hypervisor's `Hypervisor detected:`): one is enough to
    /// call the log a Hyper-V guest's (issue 13).
    public var hyperVLines = 0

    public init() {
        runningAsRootPartition = false
        runningOnNestedHypervisor = false
        usesIPIHypercalls = false
        usesHypercallForRemoteTLBFlush = false
        crashKexecPostNotifiers = false
        vmbusConnectFailed = false
        unknownDeviceClasses = []
        hypercallMSRUnavailable = false
        vpIndexMSRUnavailable = false
        tscMarkedUnstable = false
        deviceProtocols = []
        evidence = []
        diagnostics = []
    }

    /// Whether the log names Hyper-V as the detected hypervisor (either spelling, §7.3).
    public var detectedHyperV: Bool {
        guard let name = hypervisorDetected?.lowercased() else { return false }
        return name == "microsoft hyper-v" || name == "microsoft hyperv"
    }
}
