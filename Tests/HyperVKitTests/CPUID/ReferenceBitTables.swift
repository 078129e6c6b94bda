@testable import HyperVKit

/// One named bit, as reference hyperv-guest-facts.md gives it: leaf, register, architecture, bit
/// position, name and Linux macro. Copied from the reference tables, never from the product code.
struct NamedBit: Sendable, CustomStringConvertible {
    let leaf: UInt32
    let register: Register
    let architecture: Architecture
    let bit: Int
    let name: String
    let linuxMacro: String?

    var description: String {
        "\(architecture.rawValue) 0x\(String(leaf, radix: 16)) \(register.rawValue)[\(bit)] \(name)"
    }
}

/// The reference's bit tables, one list per register.
enum ReferenceBitTables {
    typealias Row = (bit: Int, name: String, macro: String?)

    static func rows(_ leaf: UInt32, _ register: Register, _ arch: Architecture, _ rows: [Row]) -> [NamedBit] {
        rows.map {
            NamedBit(
                leaf: leaf, register: register, architecture: arch, bit: $0.bit, name: $0.name, linuxMacro: $0.macro)
        }
    }

    /// §1.4.1: 0x40000003 EAX (same on arm64, word a).
    static let leaf3EAX: [Row] = [
        (0, "AccessVpRunTimeReg", "HV_MSR_VP_RUNTIME_AVAILABLE"),
        (1, "AccessPartitionReferenceCounter", "HV_MSR_TIME_REF_COUNT_AVAILABLE"),
        (2, "AccessSynicRegs", "HV_MSR_SYNIC_AVAILABLE"),
        (3, "AccessSyntheticTimerRegs", "HV_MSR_SYNTIMER_AVAILABLE"),
        (4, "AccessIntrCtrlRegs", "HV_MSR_APIC_ACCESS_AVAILABLE"),
        (5, "AccessHypercallMsrs", "HV_MSR_HYPERCALL_AVAILABLE"),
        (6, "AccessVpIndex", "HV_MSR_VP_INDEX_AVAILABLE"),
        (7, "AccessResetReg", "HV_MSR_RESET_AVAILABLE"),
        (8, "AccessStatsReg", "HV_MSR_STAT_PAGES_AVAILABLE"),
        (9, "AccessPartitionReferenceTsc", "HV_MSR_REFERENCE_TSC_AVAILABLE"),
        (10, "AccessGuestIdleReg", "HV_MSR_GUEST_IDLE_AVAILABLE"),
        (11, "AccessFrequencyRegs", "HV_ACCESS_FREQUENCY_MSRS"),
        (12, "AccessDebugRegs", nil),
        (13, "AccessReenlightenmentControls", "HV_ACCESS_REENLIGHTENMENT"),
        (14, "AccessRootSchedulerMsr", nil),
        (15, "AccessTscInvariantControls", "HV_ACCESS_TSC_INVARIANT"),
    ]

    /// §1.4.2: 0x40000003 EBX (same on arm64, word b).
    static let leaf3EBX: [Row] = [
        (0, "CreatePartitions", "HV_CREATE_PARTITIONS"),
        (1, "AccessPartitionId", "HV_ACCESS_PARTITION_ID"),
        (2, "AccessMemoryPool", "HV_ACCESS_MEMORY_POOL"),
        (3, "AdjustMessageBuffers", "HV_ADJUST_MESSAGE_BUFFERS"),
        (4, "PostMessages", "HV_POST_MESSAGES"),
        (5, "SignalEvents", "HV_SIGNAL_EVENTS"),
        (6, "CreatePort", "HV_CREATE_PORT"),
        (7, "ConnectPort", "HV_CONNECT_PORT"),
        (8, "AccessStats", "HV_ACCESS_STATS"),
        (11, "Debugging", "HV_DEBUGGING"),
        (12, "CpuManagement", "HV_CPU_MANAGEMENT"),
        (13, "ConfigureProfiler", nil),
        (14, "AccessVpExitTracing", nil),
        (15, "EnableExtendedGvaRangesFlushVaList", nil),
        (16, "AccessVSM", nil),
        (17, "AccessVpRegisters", nil),
        (19, "FastHypercallOutput", nil),
        (20, "EnableExtendedHypercalls", "HV_ENABLE_EXTENDED_HYPERCALLS"),
        (21, "StartVirtualProcessor", nil),
        (22, "Isolation", "HV_ISOLATION"),
    ]

    /// §1.4.3: 0x40000003 ECX (bits 3:0 are the max_supported_cstate field).
    static let leaf3ECX: [Row] = [
        (4, "HpetNeededForC3PowerState", nil),
        (5, "InvariantMperfAvailable", nil),
        (6, "SupervisorShadowStackAvailable", nil),
        (7, "ArchPmuAvailable", nil),
        (8, "ExceptionTrapInterceptAvailable", nil),
        (9, "VpDispatchInterruptInjectionAvailable", "HV_VP_DISPATCH_INTERRUPT_INJECTION_AVAILABLE"),
        (10, "VpGhcbRootMappingAvailable", "HV_VP_GHCB_ROOT_MAPPING_AVAILABLE"),
    ]

    /// §1.4.4: 0x40000003 EDX, x86 positions.
    static let leaf3EDX: [Row] = [
        (0, "MwaitAvailable", "HV_X64_MWAIT_AVAILABLE"),
        (1, "GuestDebuggingAvailable", "HV_X64_GUEST_DEBUGGING_AVAILABLE"),
        (2, "PerformanceMonitorsAvailable", "HV_X64_PERF_MONITOR_AVAILABLE"),
        (3, "CpuDynamicPartitioningAvailable", "HV_X64_CPU_DYNAMIC_PARTITIONING_AVAILABLE"),
        (4, "XmmRegistersForFastHypercallAvailable", "HV_X64_HYPERCALL_XMM_INPUT_AVAILABLE"),
        (5, "GuestIdleAvailable", "HV_X64_GUEST_IDLE_STATE_AVAILABLE"),
        (6, "HypervisorSleepStateSupportAvailable", nil),
        (7, "NumaDistanceQueryAvailable", nil),
        (8, "FrequencyRegsAvailable", "HV_FEATURE_FREQUENCY_MSRS_AVAILABLE"),
        (9, "SyntheticMachineCheckAvailable", nil),
        (10, "GuestCrashRegsAvailable", "HV_FEATURE_GUEST_CRASH_MSR_AVAILABLE"),
        (11, "DebugRegsAvailable", "HV_FEATURE_DEBUG_MSRS_AVAILABLE"),
        (12, "Npiep1Available", nil),
        (13, "DisableHypervisorAvailable", nil),
        (14, "ExtendedGvaRangesForFlushVirtualAddressListAvailable", "HV_FEATURE_EXT_GVA_RANGES_FLUSH"),
        (15, "FastHypercallOutputAvailable", "HV_X64_HYPERCALL_XMM_OUTPUT_AVAILABLE"),
        (16, "SvmFeaturesAvailable", nil),
        (17, "SintPollingModeAvailable", nil),
        (18, "HypercallMsrLockAvailable", nil),
        (19, "DirectSyntheticTimers", "HV_STIMER_DIRECT_MODE_AVAILABLE"),
        (20, "RegisterPatAvailable", nil),
        (21, "RegisterBndcfgsAvailable", nil),
        (22, "WatchdogTimerAvailable", nil),
        (23, "SyntheticTimeUnhaltedTimerAvailable", nil),
        (24, "DeviceDomainsAvailable", nil),
        (25, "S1DeviceDomainsAvailable", nil),
        (26, "LbrAvailable", nil),
        (27, "IptAvailable", nil),
        (28, "CrossVtlFlushAvailable", nil),
        (29, "IdleSpecCtrlAvailable", nil),
        (30, "TranslateGvaFlagsAvailable", nil),
        (31, "ApicEoiInterceptAvailable", nil),
    ]

    /// §1.13: the arm64 misc word (word c), kept in 0x40000003 EDX.
    static let arm64Misc: [Row] = [
        (0, "GuestDebuggingAvailable", nil),
        (1, "PerformanceMonitorsAvailable", nil),
        (2, "CpuDynamicPartitioningAvailable", nil),
        (3, "GuestIdleAvailable", nil),
        (4, "HypervisorSleepStateSupportAvailable", nil),
        (5, "NumaDistanceQueryAvailable", nil),
        (6, "FrequencyRegsAvailable", nil),
        (7, "SyntheticMachineCheckAvailable", nil),
        (8, "GuestCrashRegsAvailable", "HV_FEATURE_GUEST_CRASH_MSR_AVAILABLE"),
        (10, "DisableHypervisorAvailable", nil),
        (12, "SintPollingModeAvailable", nil),
        (13, "DirectSyntheticTimers", "HV_STIMER_DIRECT_MODE_AVAILABLE"),
    ]

    /// §1.5: 0x40000004 EAX, x86 positions.
    static let leaf4EAX: [Row] = [
        (0, "UseHypercallForAddressSpaceSwitch", "HV_X64_AS_SWITCH_RECOMMENDED"),
        (1, "UseHypercallForLocalFlush", "HV_X64_LOCAL_TLB_FLUSH_RECOMMENDED"),
        (2, "UseHypercallForRemoteFlushAndLocalFlushEntire", "HV_X64_REMOTE_TLB_FLUSH_RECOMMENDED"),
        (3, "UseApicMsrs", "HV_X64_APIC_ACCESS_RECOMMENDED"),
        (4, "UseHvRegisterForReset", "HV_X64_SYSTEM_RESET_RECOMMENDED"),
        (5, "UseRelaxedTiming", "HV_X64_RELAXED_TIMING_RECOMMENDED"),
        (6, "UseDmaRemapping", nil),
        (7, "UseInterruptRemapping", nil),
        (8, "UseX2ApicMsrs", nil),
        (9, "DeprecateAutoEoi", "HV_DEPRECATING_AEOI_RECOMMENDED"),
        (10, "UseSyntheticClusterIpi", "HV_X64_CLUSTER_IPI_RECOMMENDED"),
        (11, "UseExProcessorMasks", "HV_X64_EX_PROCESSOR_MASKS_RECOMMENDED"),
        (12, "Nested", "HV_X64_HYPERV_NESTED"),
        (13, "UseIntForMbecSystemCalls", nil),
        (14, "UseVmcsEnlightenments", "HV_X64_ENLIGHTENED_VMCS_RECOMMENDED"),
        (15, "UseSyncedTimeline", nil),
        (16, "CoreSchedulerRequested", nil),
        (17, "UseDirectLocalFlushEntire", nil),
        (18, "NoNonArchitecturalCoreSharing", "HV_X64_NO_NONARCH_CORESHARING"),
        (19, "UseX2Apic", nil),
        (20, "RestoreTimeOnResume", nil),
        (21, "UseHypercallForMmioAccess", "HV_X64_USE_MMIO_HYPERCALLS"),
        (22, "UseGpaPinningHypercall", nil),
        (23, "WakeVps", nil),
    ]

    /// §1.13: arm64 HvRegisterFeaturesInfo word a.
    static let arm64Hints: [Row] = [
        (0, "UseHvRegisterForReset", nil), (1, "UseRelaxedTiming", nil), (2, "UseSyntheticClusterIpi", nil),
        (3, "UseExProcessorMasks", nil), (4, "Nested", nil), (5, "UseSyncedTimeline", nil),
        (21, "UseHypercallForMmioAccess", nil), (22, "UseGpaPinningHypercall", nil), (23, "WakeVps", nil),
        (26, "MapPartitionEventLogBuffer", nil),
    ]

    /// §1.7: 0x40000006 EAX, x86 (bits 13:10 are the hypervisor_level field).
    static let leaf6EAX: [Row] = [
        (0, "ApicOverlayAssistInUse", nil), (1, "MsrBitmapsInUse", nil),
        (2, "ArchitecturalPerformanceCountersInUse", nil), (3, "SecondLevelAddressTranslationInUse", nil),
        (4, "DmaRemappingInUse", nil), (5, "InterruptRemappingInUse", nil), (6, "MemoryPatrolScrubberPresent", nil),
        (7, "DmaProtectionInUse", nil), (8, "HpetRequested", nil), (9, "SyntheticTimersVolatile", nil),
        (14, "PhysicalDestinationModeRequired", nil), (15, "UseVmfuncForAliasMapSwitch", nil),
        (16, "HvRegisterForMemoryZeroingSupported", nil), (17, "UnrestrictedGuestSupported", nil),
        (18, "RdtAFeaturesSupported", nil), (19, "RdtMFeaturesSupported", nil), (20, "ChildPerfmonPmuSupported", nil),
        (21, "ChildPerfmonLbrSupported", nil), (22, "ChildPerfmonIptSupported", nil),
        (23, "ApicEmulationSupported", nil), (24, "AcpiWdatInUse", nil), (25, "HardwareWatchdogReserved", nil),
        (26, "DeviceAccessTrackingSupported", nil), (27, "HardwareGpaAccessTrackingSupported", nil),
    ]

    /// §1.13: arm64 HvRegisterHardwareFeaturesInfo.
    static let arm64Hardware: [Row] = [
        (0, "ArchitecturalPerformanceCountersInUse", nil), (1, "SecondLevelAddressTranslationInUse", nil),
        (2, "DmaRemappingInUse", nil), (3, "InterruptRemappingInUse", nil), (4, "MemoryPatrolScrubberPresent", nil),
        (5, "DmaProtectionInUse", nil), (6, "SyntheticTimersVolatile", nil),
    ]

    /// §1.8: 0x40000007 EAX.
    static let leaf7EAX: [Row] = [
        (0, "StartLogicalProcessor", "HV_X64_START_LOGICAL_PROCESSOR"),
        (1, "CreateRootVirtualProcessor", "HV_X64_CREATE_ROOT_VIRTUAL_PROCESSOR"),
        (2, "PerformanceCounterSync", "HV_X64_PERFORMANCE_COUNTER_SYNC"),
        (31, "ReservedIdentityBit", "HV_X64_RESERVED_IDENTITY_BIT"),
    ]

    /// §1.9: 0x40000009.
    static let leaf9EAX: [Row] = [
        (2, "AccessSynicRegs", nil), (4, "AccessIntrCtrlRegs", nil), (5, "AccessHypercallMsrs", nil),
        (6, "AccessVpIndex", nil), (12, "AccessReenlightenmentControls", nil),
    ]
    static let leaf9EDX: [Row] = [
        (4, "XmmRegistersForFastHypercallAvailable", nil), (15, "FastHypercallOutputAvailable", nil),
        (17, "SintPollingModeAvailable", nil),
    ]

    /// §1.10: 0x4000000A (EAX 15:0 are the enlightened VMCS version fields).
    static let leafAEAX: [Row] = [
        (17, "NestedFlushVirtualHypercall", "HV_X64_NESTED_DIRECT_FLUSH"),
        (18, "FlushGuestPhysicalHypercall", "HV_X64_NESTED_GUEST_MAPPING_FLUSH"),
        (19, "MsrBitmap", "HV_X64_NESTED_MSR_BITMAP"),
        (20, "VirtualizationException", nil),
        (21, "DebugCtl", nil),
        (22, "EnlightenedNptTlb", "HV_X64_NESTED_ENLIGHTENED_TLB"),
    ]
    static let leafAEBX: [Row] = [(0, "PerfGlobalCtrl", "HV_X64_NESTED_EVMCS1_PERF_GLOBAL_CTRL")]

    /// §1.11: 0x4000000C.
    static let leafCEAX: [Row] = [(0, "ParavisorPresent", "HV_PARAVISOR_PRESENT")]
    static let leafCEBX: [Row] = [(5, "SharedGpaBoundaryActive", "HV_SHARED_GPA_BOUNDARY_ACTIVE")]

    /// §1.12: 0x40000082 EAX.
    static let leaf82EAX: [Row] = [
        (0, "IsPortable", nil), (1, "DebugDevicePresent", nil),
        (2, "ExtendedIoapicRte", "HYPERV_VS_PROPERTIES_EAX_EXTENDED_IOAPIC_RTE"),
        (3, "ConfidentialVmbusAvailable", "HYPERV_VS_PROPERTIES_EAX_CONFIDENTIAL_VMBUS_AVAILABLE"),
    ]

    /// Every register with named bits, with its table; registers not listed have no named bits.
    static let registers: [(leaf: UInt32, register: Register, arch: Architecture, rows: [Row])] = [
        (0x4000_0003, .eax, .x86_64, leaf3EAX), (0x4000_0003, .ebx, .x86_64, leaf3EBX),
        (0x4000_0003, .ecx, .x86_64, leaf3ECX), (0x4000_0003, .edx, .x86_64, leaf3EDX),
        (0x4000_0003, .eax, .aarch64, leaf3EAX), (0x4000_0003, .ebx, .aarch64, leaf3EBX),
        (0x4000_0003, .edx, .aarch64, arm64Misc),
        (0x4000_0004, .eax, .x86_64, leaf4EAX), (0x4000_0004, .eax, .aarch64, arm64Hints),
        (0x4000_0006, .eax, .x86_64, leaf6EAX), (0x4000_0006, .eax, .aarch64, arm64Hardware),
        (0x4000_0007, .eax, .x86_64, leaf7EAX),
        (0x4000_0009, .eax, .x86_64, leaf9EAX), (0x4000_0009, .edx, .x86_64, leaf9EDX),
        (0x4000_000A, .eax, .x86_64, leafAEAX), (0x4000_000A, .ebx, .x86_64, leafAEBX),
        (0x4000_000C, .eax, .x86_64, leafCEAX), (0x4000_000C, .ebx, .x86_64, leafCEBX),
        (0x4000_0082, .eax, .x86_64, leaf82EAX),
    ]

    static let all: [NamedBit] = registers.flatMap { rows($0.leaf, $0.register, $0.arch, $0.rows) }
}
