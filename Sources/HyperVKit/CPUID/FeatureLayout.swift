/// Leaf 0x40000003 (`HYPERV_CPUID_FEATURES`): the partition privilege mask in EAX/EBX, ECX misc,
/// EDX features (reference §1.4; TLFS *Hypervisor Feature Identification - 0x40000003* and
/// *HV_PARTITION_PRIVILEGE_MASK*; `include/asm-generic/hyperv-tlfs.h` Group A/B;
/// `arch/x86/include/asm/hyperv-tlfs.h` Group D; openvmm `HvPartitionPrivilege`, `HvFeatures`).
///
/// EAX and EBX are the same on arm64 (word a and b of HvRegisterPrivilegesAndFeaturesInfo);
/// the arm64 misc word has its own bit map (`Arm64Layouts`).
enum FeatureLayout {
    /// EAX: privilege mask bits 31:0, access to synthetic MSRs (reference §1.4.1).
    static let privilegesLow = RegisterLayout(flags: [
        BitFlag(0, "AccessVpRunTimeReg", "VP_RUNTIME MSR (0x40000010)", "HV_MSR_VP_RUNTIME_AVAILABLE"),
        BitFlag(
            1, "AccessPartitionReferenceCounter", "TIME_REF_COUNT MSR (0x40000020)",
            "HV_MSR_TIME_REF_COUNT_AVAILABLE"),
        BitFlag(2, "AccessSynicRegs", "SynIC MSRs: SCONTROL..EOM, SINT0-15", "HV_MSR_SYNIC_AVAILABLE"),
        BitFlag(3, "AccessSyntheticTimerRegs", "synthetic timer MSRs STIMER0-3", "HV_MSR_SYNTIMER_AVAILABLE"),
        BitFlag(
            4, "AccessIntrCtrlRegs", "APIC EOI/ICR/TPR MSRs and the VP assist page",
            "HV_MSR_APIC_ACCESS_AVAILABLE"),
        BitFlag(5, "AccessHypercallMsrs", "GUEST_OS_ID and HYPERCALL MSRs", "HV_MSR_HYPERCALL_AVAILABLE"),
        BitFlag(6, "AccessVpIndex", "VP_INDEX MSR (0x40000002)", "HV_MSR_VP_INDEX_AVAILABLE"),
        BitFlag(7, "AccessResetReg", "RESET MSR (0x40000003)", "HV_MSR_RESET_AVAILABLE"),
        BitFlag(8, "AccessStatsReg", "statistics-page MSRs", "HV_MSR_STAT_PAGES_AVAILABLE"),
        BitFlag(
            9, "AccessPartitionReferenceTsc", "REFERENCE_TSC MSR (0x40000021)",
            "HV_MSR_REFERENCE_TSC_AVAILABLE"),
        BitFlag(10, "AccessGuestIdleReg", "GUEST_IDLE MSR (0x400000F0)", "HV_MSR_GUEST_IDLE_AVAILABLE"),
        BitFlag(
            11, "AccessFrequencyRegs", "TSC_FREQUENCY and APIC_FREQUENCY MSRs", "HV_ACCESS_FREQUENCY_MSRS"),
        BitFlag(
            12, "AccessDebugRegs",
            "synthetic debug MSRs (openvmm access_debug_msrs; [conflict] current TLFS: reserved)"),
        BitFlag(
            13, "AccessReenlightenmentControls", "REENLIGHTENMENT_CONTROL, TSC_EMULATION_CONTROL/STATUS",
            "HV_ACCESS_REENLIGHTENMENT"),
        BitFlag(14, "AccessRootSchedulerMsr", "root scheduler MSR (openvmm; TLFS: reserved)"),
        BitFlag(
            15, "AccessTscInvariantControls", "TSC_INVARIANT_CONTROL MSR (0x40000118)",
            "HV_ACCESS_TSC_INVARIANT"),
    ])

    /// EBX: privilege mask bits 63:32, access to hypercalls (reference §1.4.2).
    static let privilegesHigh = RegisterLayout(flags: [
        BitFlag(0, "CreatePartitions", "may create partitions (root)", "HV_CREATE_PARTITIONS"),
        BitFlag(1, "AccessPartitionId", "HvCallGetPartitionId", "HV_ACCESS_PARTITION_ID"),
        BitFlag(2, "AccessMemoryPool", "deposit/withdraw memory", "HV_ACCESS_MEMORY_POOL"),
        BitFlag(
            3, "AdjustMessageBuffers", "adjust message buffers (openvmm; TLFS: reserved)",
            "HV_ADJUST_MESSAGE_BUFFERS"),
        BitFlag(4, "PostMessages", "HvCallPostMessage (VMBus control path)", "HV_POST_MESSAGES"),
        BitFlag(5, "SignalEvents", "HvCallSignalEvent (VMBus channel signalling)", "HV_SIGNAL_EVENTS"),
        BitFlag(6, "CreatePort", "create ports", "HV_CREATE_PORT"),
        BitFlag(7, "ConnectPort", "connect ports", "HV_CONNECT_PORT"),
        BitFlag(8, "AccessStats", "map/unmap statistics pages", "HV_ACCESS_STATS"),
        BitFlag(11, "Debugging", "debug hypercalls", "HV_DEBUGGING"),
        BitFlag(
            12, "CpuManagement", "CPU management; Linux runs as root partition when set and bit 22 is clear",
            "HV_CPU_MANAGEMENT"),
        BitFlag(13, "ConfigureProfiler", "configure profiler (openvmm; TLFS: reserved)"),
        BitFlag(14, "AccessVpExitTracing", "VP exit tracing (openvmm; TLFS: reserved)"),
        BitFlag(
            15, "EnableExtendedGvaRangesFlushVaList",
            "extended GVA ranges for flush VA list (openvmm; TLFS: reserved)"),
        BitFlag(16, "AccessVSM", "Virtual Secure Mode"),
        BitFlag(17, "AccessVpRegisters", "HvCallGetVpRegisters/HvCallSetVpRegisters"),
        BitFlag(19, "FastHypercallOutput", "fast hypercall output (openvmm; TLFS: reserved)"),
        BitFlag(
            20, "EnableExtendedHypercalls", "extended hypercall interface (HvExtCallQueryCapabilities)",
            "HV_ENABLE_EXTENDED_HYPERCALLS"),
        BitFlag(21, "StartVirtualProcessor", "HvCallStartVirtualProcessor"),
        BitFlag(
            22, "Isolation", "isolated (confidential) partition; gates leaf 0x4000000C (openvmm; TLFS: reserved)",
            "HV_ISOLATION"),
    ])

    /// ECX (reference §1.4.3). 6.1 does not read it; 6.15+ prints it as `ext`.
    static let misc = RegisterLayout(
        flags: [
            BitFlag(4, "HpetNeededForC3PowerState", "HPET needed for C3 (deprecated; openvmm)"),
            BitFlag(5, "InvariantMperfAvailable", "invariant MPERF available"),
            BitFlag(6, "SupervisorShadowStackAvailable", "supervisor shadow stack available"),
            BitFlag(7, "ArchPmuAvailable", "architectural PMU available"),
            BitFlag(8, "ExceptionTrapInterceptAvailable", "exception trap intercept available"),
            BitFlag(
                9, "VpDispatchInterruptInjectionAvailable",
                "root-partition feature (newer Linux hvgdk_mini.h only; TLFS/openvmm: reserved)",
                "HV_VP_DISPATCH_INTERRUPT_INJECTION_AVAILABLE"),
            BitFlag(
                10, "VpGhcbRootMappingAvailable",
                "root-partition feature (newer Linux hvgdk_mini.h only; TLFS/openvmm: reserved)",
                "HV_VP_GHCB_ROOT_MAPPING_AVAILABLE"),
        ],
        fields: [
            BitField(
                name: "max_supported_cstate", low: 0, width: 4,
                summary: "maximum supported C-state (openvmm; [conflict] current TLFS lists bits 4:0 as reserved)")
        ])

    /// EDX: features, x86 bit positions (reference §1.4.4). Names are openvmm's `HvFeatures`
    /// fields in CamelCase (the `_deprecated` suffix dropped; the summary says deprecated).
    static let features = RegisterLayout(flags: [
        BitFlag(0, "MwaitAvailable", "MWAIT available (deprecated)", "HV_X64_MWAIT_AVAILABLE"),
        BitFlag(1, "GuestDebuggingAvailable", "guest debugging support", "HV_X64_GUEST_DEBUGGING_AVAILABLE"),
        BitFlag(2, "PerformanceMonitorsAvailable", "performance monitor support", "HV_X64_PERF_MONITOR_AVAILABLE"),
        BitFlag(
            3, "CpuDynamicPartitioningAvailable", "physical CPU dynamic partitioning events",
            "HV_X64_CPU_DYNAMIC_PARTITIONING_AVAILABLE"),
        BitFlag(
            4, "XmmRegistersForFastHypercallAvailable", "hypercall input via XMM registers",
            "HV_X64_HYPERCALL_XMM_INPUT_AVAILABLE"),
        BitFlag(5, "GuestIdleAvailable", "virtual guest idle state", "HV_X64_GUEST_IDLE_STATE_AVAILABLE"),
        BitFlag(6, "HypervisorSleepStateSupportAvailable", "hypervisor sleep state"),
        BitFlag(7, "NumaDistanceQueryAvailable", "NUMA distance query"),
        BitFlag(
            8, "FrequencyRegsAvailable", "timer frequency MSRs (TSC/APIC frequency)",
            "HV_FEATURE_FREQUENCY_MSRS_AVAILABLE"),
        BitFlag(9, "SyntheticMachineCheckAvailable", "synthetic machine-check injection"),
        BitFlag(
            10, "GuestCrashRegsAvailable", "guest crash MSRs (0x40000100-105)",
            "HV_FEATURE_GUEST_CRASH_MSR_AVAILABLE"),
        BitFlag(11, "DebugRegsAvailable", "debug MSRs", "HV_FEATURE_DEBUG_MSRS_AVAILABLE"),
        BitFlag(12, "Npiep1Available", "NPIEP"),
        BitFlag(13, "DisableHypervisorAvailable", "disable hypervisor available"),
        BitFlag(
            14, "ExtendedGvaRangesForFlushVirtualAddressListAvailable",
            "extended GVA ranges for HvFlushVirtualAddressList (Linux macro: newer kernels)",
            "HV_FEATURE_EXT_GVA_RANGES_FLUSH"),
        BitFlag(
            15, "FastHypercallOutputAvailable", "hypercall output via XMM registers",
            "HV_X64_HYPERCALL_XMM_OUTPUT_AVAILABLE"),
        BitFlag(16, "SvmFeaturesAvailable", "SVM features (openvmm; TLFS: reserved)"),
        BitFlag(17, "SintPollingModeAvailable", "SINT polling mode"),
        BitFlag(18, "HypercallMsrLockAvailable", "hypercall MSR lock"),
        BitFlag(
            19, "DirectSyntheticTimers", "direct synthetic timers (stimer direct mode)",
            "HV_STIMER_DIRECT_MODE_AVAILABLE"),
        BitFlag(20, "RegisterPatAvailable", "PAT register available for VSM"),
        BitFlag(21, "RegisterBndcfgsAvailable", "BNDCFGS register available for VSM"),
        BitFlag(22, "WatchdogTimerAvailable", "watchdog timer (openvmm; TLFS: reserved)"),
        BitFlag(23, "SyntheticTimeUnhaltedTimerAvailable", "synthetic time-unhalted timer"),
        BitFlag(24, "DeviceDomainsAvailable", "device domains (openvmm, HDK only; TLFS: reserved)"),
        BitFlag(25, "S1DeviceDomainsAvailable", "S1 device domains (openvmm, HDK only; TLFS: reserved)"),
        BitFlag(26, "LbrAvailable", "Intel LBR"),
        BitFlag(27, "IptAvailable", "Intel PT (openvmm; TLFS: reserved)"),
        BitFlag(28, "CrossVtlFlushAvailable", "cross-VTL flush (openvmm; TLFS: reserved)"),
        BitFlag(29, "IdleSpecCtrlAvailable", "idle SPEC_CTRL (openvmm; TLFS: reserved)"),
        BitFlag(30, "TranslateGvaFlagsAvailable", "translate-GVA flags (openvmm; TLFS: reserved)"),
        BitFlag(31, "ApicEoiInterceptAvailable", "APIC EOI intercept (openvmm; TLFS: reserved)"),
    ])

    static let x86 = LeafLayout(
        leaf: 0x4000_0003, name: "Features",
        summary: "partition privilege mask (EAX/EBX), misc (ECX), features (EDX)",
        registers: [.eax: privilegesLow, .ebx: privilegesHigh, .ecx: misc, .edx: features])
}
