/// A VMBus device class: the interface-type GUID a device is offered with, its name, and the
/// Linux driver that binds it (reference §4; `include/linux/hyperv.h`, `drivers/hv/channel_mgmt.c`
/// `vmbus_devs[]`, `tools/hv/lsvmbus`).
public struct DeviceClass: Sendable, Hashable {
    /// Lower case, no braces.
    public let guid: String
    /// A short name for `--class` and tables: `nic`, `scsi`, `kvp`, …
    public let shortName: String
    /// The label `lsvmbus` prints (`Synthetic network adapter`, `[Heartbeat]`).
    public let lsvmbusLabel: String
    /// The macro in `include/linux/hyperv.h`.
    public let linuxMacro: String
    /// Linux's `enum vmbus_device_type` index, what the `device` attribute prints (16 = unknown).
    public let deviceIndex: Int
    /// Linux spreads this class's channel interrupts over CPUs (`perf_device`); other classes'
    /// channels all interrupt CPU 0 (reference §6.2).
    public let isPerformanceCritical: Bool
    /// Offered to isolated (confidential) VMs: `allowed_in_isolated` in 6.1.
    public let allowedInIsolatedVM: Bool
    /// The same in newer kernels (issue 13): mainline `vmbus_devs[]` also allows vPCI (HV_PCIE)
    /// in isolated VMs, for devices assigned to confidential VMs.
    public var allowedInIsolatedVMNewerKernels: Bool { allowedInIsolatedVM || linuxMacro == "HV_PCIE_GUID" }
    /// The drivers that bind it (`/sys/bus/vmbus/drivers/<name>`), most common first; empty when
    /// Linux has none.
    public let drivers: [String]

    /// A readable name: the lsvmbus label without brackets unless given.
    public let name: String

    init(
        guid: String, shortName: String, lsvmbusLabel: String, name: String? = nil, linuxMacro: String,
        deviceIndex: Int, isPerformanceCritical: Bool, allowedInIsolatedVM: Bool, drivers: [String]
    ) {
        self.guid = guid
        self.shortName = shortName
        self.lsvmbusLabel = lsvmbusLabel
        var label = Substring(lsvmbusLabel)
        if label.first == "[" && label.last == "]" { label = label.dropFirst().dropLast() }
        self.name = name ?? String(label)
        self.linuxMacro = linuxMacro
        self.deviceIndex = deviceIndex
        self.isPerformanceCritical = isPerformanceCritical
        self.allowedInIsolatedVM = allowedInIsolatedVM
        self.drivers = drivers
    }
}

/// The class table of reference §4.
public enum DeviceClassCatalog {
    public static let all: [DeviceClass] = [
        DeviceClass(
            guid: "32412632-86cb-44a2-9b5c-50d1417354f5", shortName: "ide", lsvmbusLabel: "Synthetic IDE Controller",
            linuxMacro: "HV_IDE_GUID", deviceIndex: 0, isPerformanceCritical: true, allowedInIsolatedVM: false,
            drivers: ["hv_storvsc"]),
        DeviceClass(
            guid: "ba6163d9-04a1-4d29-b605-72e2ffb1dc7f", shortName: "scsi", lsvmbusLabel: "Synthetic SCSI Controller",
            linuxMacro: "HV_SCSI_GUID", deviceIndex: 1, isPerformanceCritical: true, allowedInIsolatedVM: true,
            drivers: ["hv_storvsc"]),
        DeviceClass(
            guid: "2f9bcc4a-0069-4af3-b76b-6fd0be528cda", shortName: "fc",
            lsvmbusLabel: "Synthetic fiber channel adapter", linuxMacro: "HV_SYNTHFC_GUID", deviceIndex: 2,
            isPerformanceCritical: true, allowedInIsolatedVM: false, drivers: ["hv_storvsc"]),
        DeviceClass(
            guid: "f8615163-df3e-46c5-913f-f2d2f965ed0e", shortName: "nic", lsvmbusLabel: "Synthetic network adapter",
            linuxMacro: "HV_NIC_GUID", deviceIndex: 3, isPerformanceCritical: true, allowedInIsolatedVM: true,
            drivers: ["hv_netvsc"]),
        DeviceClass(
            guid: "8c2eaf3d-32a7-4b09-ab99-bd1f1c86b501", shortName: "nd", lsvmbusLabel: "Synthetic RDMA adapter",
            linuxMacro: "HV_ND_GUID", deviceIndex: 4, isPerformanceCritical: true, allowedInIsolatedVM: false,
            drivers: []),
        DeviceClass(
            guid: "44c4f61d-4444-4400-9d52-802e27ede19f", shortName: "pci", lsvmbusLabel: "PCI Express pass-through",
            linuxMacro: "HV_PCIE_GUID", deviceIndex: 5, isPerformanceCritical: false, allowedInIsolatedVM: false,
            drivers: ["hv_pci"]),
        DeviceClass(
            guid: "da0a7802-e377-4aac-8e77-0558eb1073f8", shortName: "framebuffer",
            lsvmbusLabel: "Synthetic framebuffer adapter", linuxMacro: "HV_SYNTHVID_GUID", deviceIndex: 6,
            isPerformanceCritical: false, allowedInIsolatedVM: false, drivers: ["hyperv_drm", "hyperv_fb"]),
        DeviceClass(
            guid: "f912ad6d-2b17-48ea-bd65-f927a61c7684", shortName: "keyboard", lsvmbusLabel: "Synthetic keyboard",
            linuxMacro: "HV_KBD_GUID", deviceIndex: 7, isPerformanceCritical: false, allowedInIsolatedVM: false,
            drivers: ["hyperv_keyboard"]),
        DeviceClass(
            guid: "cfa8b69e-5b4a-4cc0-b98b-8ba1a1f3f95a", shortName: "mouse", lsvmbusLabel: "Synthetic mouse",
            linuxMacro: "HV_MOUSE_GUID", deviceIndex: 8, isPerformanceCritical: false, allowedInIsolatedVM: false,
            drivers: ["hid_hyperv"]),
        DeviceClass(
            guid: "a9a0f4e7-5a45-4d96-b827-8a841e8c03e6", shortName: "kvp", lsvmbusLabel: "[Data Exchange]",
            linuxMacro: "HV_KVP_GUID", deviceIndex: 9, isPerformanceCritical: false, allowedInIsolatedVM: false,
            drivers: ["hv_utils"]),
        DeviceClass(
            guid: "9527e630-d0ae-497b-adce-e80ab0175caf", shortName: "timesync", lsvmbusLabel: "[Time Synchronization]",
            linuxMacro: "HV_TS_GUID", deviceIndex: 10, isPerformanceCritical: false, allowedInIsolatedVM: true,
            drivers: ["hv_utils"]),
        DeviceClass(
            guid: "57164f39-9115-4e78-ab55-382f3bd5422d", shortName: "heartbeat", lsvmbusLabel: "[Heartbeat]",
            linuxMacro: "HV_HEART_BEAT_GUID", deviceIndex: 11, isPerformanceCritical: false, allowedInIsolatedVM: true,
            drivers: ["hv_utils"]),
        DeviceClass(
            guid: "0e0b6031-5213-4934-818b-38d90ced39db", shortName: "shutdown",
            lsvmbusLabel: "[Operating system shutdown]", linuxMacro: "HV_SHUTDOWN_GUID", deviceIndex: 12,
            isPerformanceCritical: false, allowedInIsolatedVM: true, drivers: ["hv_utils"]),
        DeviceClass(
            guid: "34d14be3-dee4-41c8-9ae7-6b174977c192", shortName: "fcopy", lsvmbusLabel: "[Guest services]",
            linuxMacro: "HV_FCOPY_GUID", deviceIndex: 13, isPerformanceCritical: false, allowedInIsolatedVM: false,
            drivers: ["hv_utils", "uio_hv_generic"]),
        DeviceClass(
            guid: "35fa2e29-ea23-4236-96ae-3a6ebacba440", shortName: "vss",
            lsvmbusLabel: "[Backup (volume checkpoint)]",
            linuxMacro: "HV_VSS_GUID", deviceIndex: 14, isPerformanceCritical: false, allowedInIsolatedVM: false,
            drivers: ["hv_utils"]),
        DeviceClass(
            guid: "525074dc-8985-46e2-8057-a307dc18a502", shortName: "balloon", lsvmbusLabel: "[Dynamic Memory]",
            linuxMacro: "HV_DM_GUID", deviceIndex: 15, isPerformanceCritical: false, allowedInIsolatedVM: false,
            drivers: ["hv_balloon"]),
        DeviceClass(
            guid: "f8e65716-3cb3-4a06-9a60-1889c5cccab5", shortName: "avma1", lsvmbusLabel: "[Reserved system device]",
            linuxMacro: "HV_AVMA1_GUID", deviceIndex: 16, isPerformanceCritical: false, allowedInIsolatedVM: false,
            drivers: []),
        DeviceClass(
            guid: "3375baf4-9e15-4b30-b765-67acb10d607b", shortName: "avma2", lsvmbusLabel: "[Reserved system device]",
            linuxMacro: "HV_AVMA2_GUID", deviceIndex: 16, isPerformanceCritical: false, allowedInIsolatedVM: false,
            drivers: []),
        DeviceClass(
            guid: "276aacf4-ac15-426c-98dd-7521ad3f01fe", shortName: "rdv", lsvmbusLabel: "[Reserved system device]",
            linuxMacro: "HV_RDV_GUID", deviceIndex: 16, isPerformanceCritical: false, allowedInIsolatedVM: false,
            drivers: []),
        DeviceClass(
            guid: "c376c1c3-d276-48d2-90a9-c04748072c60", shortName: "imc",
            lsvmbusLabel: "Unknown", name: "Initial Machine Configuration", linuxMacro: "HV_IMC_GUID", deviceIndex: 16,
            isPerformanceCritical: false, allowedInIsolatedVM: false, drivers: []),
    ]

    /// hv_sock offers carry a service GUID `<port>-facb-11e6-bd58-64006a7986d3` for AF_VSOCK (§3.7).
    public static let vsockServiceSuffix = "-facb-11e6-bd58-64006a7986d3"

    private static let byGUID: [String: DeviceClass] = Dictionary(uniqueKeysWithValues: all.map { ($0.guid, $0) })

    /// The class of a GUID (any case, braces allowed); nil for one reference §4 does not list.
    public static func lookup(guid: String) -> DeviceClass? {
        byGUID[GUIDText.normalized(guid)]
    }

    /// Whether a class GUID is an AF_VSOCK hv_sock service (a connection, not a device).
    public static func isVsockService(_ guid: String) -> Bool {
        GUIDText.normalized(guid).hasSuffix(vsockServiceSuffix)
    }
}
