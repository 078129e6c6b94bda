/// A kernel config option that builds Hyper-V guest support, with the module it builds and the
/// VMBus drivers that module registers.
///
/// Sources: the 6.1 Kconfig files named in `kconfig`, the Makefiles that name the objects
/// (module names are the object names with `-` read as `_`, as `/sys/module` shows them), each
/// driver's `.name`, and reference §3.5.
public struct HyperVKernelOption: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Encodable {
        /// y, m or off.
        case tristate
        /// y or off: built into the kernel image, never a module.
        case bool
    }

    /// With its `CONFIG_` prefix.
    public let name: String
    public let kind: Kind
    /// The module it builds (`/sys/module/<name>`); nil for a bool option.
    public let module: String?
    /// The VMBus drivers (`/sys/bus/vmbus/drivers/<name>`) the module registers.
    public let drivers: [String]
    /// Where the option exists (`depends on` in its Kconfig).
    public let architectures: Set<Architecture>
    public let summary: String
    /// The Kconfig file that declares it.
    public let kconfig: String
}

/// The Hyper-V options of Linux 6.1 and the newer ones (marked so), in the order `hvctl kernel`
/// lists them.
public enum HyperVKernelOptionCatalog {
    private static let both: Set<Architecture> = [.x86_64, .aarch64]
    private static let x86: Set<Architecture> = [.x86_64]

    private static func option(
        _ name: String, _ kind: HyperVKernelOption.Kind, module: String? = nil, drivers: [String] = [],
        _ architectures: Set<Architecture>, _ summary: String, _ kconfig: String
    ) -> HyperVKernelOption {
        HyperVKernelOption(
            name: name, kind: kind, module: module, drivers: drivers, architectures: architectures, summary: summary,
            kconfig: kconfig)
    }

    public static let all: [HyperVKernelOption] = [
        option(
            "CONFIG_HYPERV", .tristate, module: "hv_vmbus", both,
            "VMBus and the Hyper-V core; the architecture code and hv_common are built in with it",
            "drivers/hv/Kconfig"),
        option(
            "CONFIG_HYPERV_TIMER", .bool, x86, "Hyper-V clocksource and clock events (def_bool HYPERV && X86)",
            "drivers/hv/Kconfig"),
        // Newer kernels (issue 13, mainline drivers/hv/Kconfig): CONFIG_HYPERV_VMBUS builds hv_vmbus,
        // and HYPERV_UTILS and HYPERV_BALLOON depend on it; a 6.1 config has none of these four.
        option(
            "CONFIG_HYPERV_VMBUS", .tristate, module: "hv_vmbus", both,
            "newer kernels: VMBus itself (hv_vmbus), split from CONFIG_HYPERV; the VMBus drivers depend on it",
            "drivers/hv/Kconfig"),
        option(
            "CONFIG_MSHV_ROOT", .tristate, module: "mshv_root", x86,
            "newer kernels: Linux as the root partition of the Microsoft Hypervisor (/dev/mshv)", "drivers/hv/Kconfig"),
        option(
            "CONFIG_HYPERV_VTL_MODE", .bool, x86,
            "newer kernels: Linux running in a virtual trust level above 0 (VTL2, as a paravisor)",
            "drivers/hv/Kconfig"),
        option(
            "CONFIG_MSHV_VTL", .tristate, module: "mshv_vtl", x86,
            "newer kernels: the VTL interface a paravisor such as OpenHCL uses (needs HYPERV_VTL_MODE)",
            "drivers/hv/Kconfig"),
        option(
            "CONFIG_HYPERV_UTILS", .tristate, module: "hv_utils", drivers: ["hv_utils"], both,
            "KVP, time sync, heartbeat, shutdown, VSS and (6.1) file copy", "drivers/hv/Kconfig"),
        option(
            "CONFIG_HYPERV_BALLOON", .tristate, module: "hv_balloon", drivers: ["hv_balloon"], both,
            "Dynamic Memory: ballooning and memory hot add", "drivers/hv/Kconfig"),
        option(
            "CONFIG_HYPERV_NET", .tristate, module: "hv_netvsc", drivers: ["hv_netvsc"], both,
            "the synthetic network adapter", "drivers/net/hyperv/Kconfig"),
        option(
            "CONFIG_HYPERV_STORAGE", .tristate, module: "hv_storvsc", drivers: ["hv_storvsc"], both,
            "synthetic SCSI, IDE and Fibre Channel controllers", "drivers/scsi/Kconfig"),
        option(
            "CONFIG_PCI_HYPERV", .tristate, module: "pci_hyperv", drivers: ["hv_pci"], both,
            "PCI pass-through (vPCI): SR-IOV network VFs, GPUs, NVMe", "drivers/pci/Kconfig"),
        option(
            "CONFIG_PCI_HYPERV_INTERFACE", .tristate, module: "pci_hyperv_intf", both,
            "the config-block interface pci-hyperv offers other drivers (mlx5 VFs)",
            "drivers/pci/controller/Kconfig"),
        option(
            "CONFIG_HYPERV_KEYBOARD", .tristate, module: "hyperv_keyboard", drivers: ["hyperv_keyboard"], both,
            "the synthetic keyboard", "drivers/input/serio/Kconfig"),
        option(
            "CONFIG_HID_HYPERV_MOUSE", .tristate, module: "hid_hyperv", drivers: ["hid_hyperv"], both,
            "the synthetic mouse", "drivers/hid/Kconfig"),
        option(
            "CONFIG_DRM_HYPERV", .tristate, module: "hyperv_drm", drivers: ["hyperv_drm"], both,
            "synthetic video, DRM driver (needs DRM)", "drivers/gpu/drm/Kconfig"),
        option(
            "CONFIG_FB_HYPERV", .tristate, module: "hyperv_fb", drivers: ["hyperv_fb"], both,
            "synthetic video, framebuffer driver", "drivers/video/fbdev/Kconfig"),
        option(
            "CONFIG_HYPERV_VSOCKETS", .tristate, module: "hv_sock", drivers: ["hv_sock"], both,
            "AF_VSOCK over VMBus (hv_sock)", "net/vmw_vsock/Kconfig"),
        option(
            "CONFIG_UIO_HV_GENERIC", .tristate, module: "uio_hv_generic", drivers: ["uio_hv_generic"], both,
            "VMBus devices in user space (DPDK; the file-copy device since 6.10)", "drivers/uio/Kconfig"),
        option(
            "CONFIG_MICROSOFT_MANA", .tristate, module: "mana", both,
            "the Azure Network Adapter, a PCI VF behind hv_pci", "drivers/net/ethernet/microsoft/Kconfig"),
        option(
            "CONFIG_HYPERV_IOMMU", .bool, x86, "x2APIC interrupt remapping for guests with more than 255 vCPUs",
            "drivers/iommu/Kconfig"),
        option(
            "CONFIG_HYPERV_TESTING", .bool, both, "VMBus fault injection through debugfs (testing only)",
            "lib/Kconfig.debug"),
        option(
            "CONFIG_X86_MSR", .tristate, module: "msr", x86,
            SourceCatalog.cpuDevicePath("N", "msr") + ", which hvctl reads the synthetic MSRs through",
            "arch/x86/Kconfig"),
        option(
            "CONFIG_X86_CPUID", .tristate, module: "cpuid", x86,
            SourceCatalog.cpuDevicePath("N", "cpuid") + " (hvctl executes CPUID itself and does not need it)",
            "arch/x86/Kconfig"),
    ]

    /// The options that exist on `architecture`.
    public static func options(for architecture: Architecture) -> [HyperVKernelOption] {
        all.filter { $0.architectures.contains(architecture) }
    }

    /// The option whose module registers `driver`.
    public static func option(forDriver driver: String) -> HyperVKernelOption? {
        all.first { $0.drivers.contains(driver) }
    }
}
