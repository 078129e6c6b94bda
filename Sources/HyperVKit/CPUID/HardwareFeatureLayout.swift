/// Leaf 0x40000006: hardware features in use by the hypervisor (reference §1.7; TLFS
/// *Implementation Hardware Features - 0x40000006*; openvmm `HvHardwareFeatures`).
/// Linux does not read this leaf; names are openvmm's fields in CamelCase.
enum HardwareFeatureLayout {
    /// EAX, x86 bit positions. The arm64 register has its own map (`Arm64Layouts`).
    static let inUse = RegisterLayout(
        flags: [
            BitFlag(0, "ApicOverlayAssistInUse", "APIC overlay assist detected and in use"),
            BitFlag(1, "MsrBitmapsInUse", "MSR bitmaps in use"),
            BitFlag(2, "ArchitecturalPerformanceCountersInUse", "architectural performance counters in use"),
            BitFlag(3, "SecondLevelAddressTranslationInUse", "second-level address translation (SLAT) in use"),
            BitFlag(4, "DmaRemappingInUse", "DMA remapping in use"),
            BitFlag(5, "InterruptRemappingInUse", "interrupt remapping in use"),
            BitFlag(6, "MemoryPatrolScrubberPresent", "memory patrol scrubber present"),
            BitFlag(7, "DmaProtectionInUse", "DMA protection in use"),
            BitFlag(8, "HpetRequested", "HPET requested"),
            BitFlag(9, "SyntheticTimersVolatile", "synthetic timers are volatile"),
            BitFlag(14, "PhysicalDestinationModeRequired", "physical destination mode required"),
            BitFlag(15, "UseVmfuncForAliasMapSwitch", "use VMFUNC for alias-map switch"),
            BitFlag(16, "HvRegisterForMemoryZeroingSupported", "hardware memory zeroing supported"),
            BitFlag(17, "UnrestrictedGuestSupported", "unrestricted guest supported"),
            BitFlag(18, "RdtAFeaturesSupported", "resource allocation (RDT-A/PQOS-A)"),
            BitFlag(19, "RdtMFeaturesSupported", "resource monitoring (RDT-M/PQOS-M)"),
            BitFlag(20, "ChildPerfmonPmuSupported", "guest virtual PMU"),
            BitFlag(21, "ChildPerfmonLbrSupported", "guest virtual LBR"),
            BitFlag(22, "ChildPerfmonIptSupported", "guest virtual IPT"),
            BitFlag(23, "ApicEmulationSupported", "APIC emulation"),
            BitFlag(
                24, "AcpiWdatInUse",
                "ACPI WDAT table detected and in use ([conflict] openvmm: child_x2_apic_recommended)"),
            BitFlag(25, "HardwareWatchdogReserved", "hardware watchdog, reserved (openvmm; TLFS: reserved)"),
            BitFlag(26, "DeviceAccessTrackingSupported", "device access tracking (openvmm; TLFS: reserved)"),
            BitFlag(
                27, "HardwareGpaAccessTrackingSupported", "hardware GPA access tracking (openvmm; TLFS: reserved)"),
        ],
        fields: [
            BitField(
                name: "hypervisor_level", low: 10, width: 4,
                summary: "hypervisor level of the current guest (0 if not nested)")
        ])

    /// EBX[7:0] (openvmm; TLFS: reserved).
    static let deviceDomain = RegisterLayout(fields: [
        BitField(
            name: "device_domain_input_width", low: 0, width: 8,
            summary: "device domain input width (openvmm; TLFS: reserved)")
    ])

    static let x86 = LeafLayout(
        leaf: 0x4000_0006, name: "Hardware features",
        summary: "hardware features the hypervisor detected and uses",
        registers: [.eax: inUse, .ebx: deviceDomain])
}
