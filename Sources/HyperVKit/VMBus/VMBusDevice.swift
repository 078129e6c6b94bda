/// One VMBus device, from `/sys/bus/vmbus/devices/<instance GUID>/` (reference §3.2).
public struct VMBusDevice: Sendable, Equatable {
    /// The instance GUID: the directory name, lower case.
    public var deviceID: String
    /// `/sys/bus/vmbus/devices/<GUID>`, the path lsvmbus prints.
    public var sysfsPath: String
    /// Where the bus link points, resolved: `/sys/devices/LNXSYSTM:00/…/<GUID>`.
    public var devicePath: String?
    /// `class_id` without braces, lower case.
    public var classID: String?
    /// The class of reference §4, nil for an unknown GUID (shown by its GUID, never dropped).
    public var deviceClass: DeviceClass?
    /// `id`: the primary channel's relid; lsvmbus sorts by it.
    public var relid: Int?
    /// `state` of the primary channel: 3 (OPENED) means a driver has it open.
    public var state: Int?
    /// The bound driver, from the `driver` link; nil when unbound.
    public var driver: String?
    public var numaNode: Int?
    public var monitorID: Int?
    /// `device`: Linux's `enum vmbus_device_type` index (not a Hyper-V ID, §3.2).
    public var deviceType: Int?
    public var vendor: Int?
    public var modalias: String?
    /// `driver_override`, when set.
    public var driverOverride: String?

    /// The value of a `driver_override` attribute: `(null)` or empty when unset (reference §3.2).
    static func driverOverride(fromAttribute text: String) -> String? {
        text.isEmpty || text == "(null)" ? nil : text
    }
    /// `channel_vp_mapping`: relid → Linux CPU, in the kernel's order (primary first).
    public var channelCPUMapping: [(relid: Int, cpu: Int)]?
    public var channels: [VMBusChannel]

    public init(deviceID: String, sysfsPath: String) {
        self.deviceID = deviceID
        self.sysfsPath = sysfsPath
        self.channels = []
    }

    public static func == (lhs: VMBusDevice, rhs: VMBusDevice) -> Bool {
        lhs.deviceID == rhs.deviceID && lhs.devicePath == rhs.devicePath && lhs.classID == rhs.classID
            && lhs.relid == rhs.relid && lhs.state == rhs.state && lhs.driver == rhs.driver
            && lhs.numaNode == rhs.numaNode && lhs.monitorID == rhs.monitorID && lhs.deviceType == rhs.deviceType
            && lhs.vendor == rhs.vendor && lhs.modalias == rhs.modalias && lhs.driverOverride == rhs.driverOverride
            && lhs.channels == rhs.channels
            && (lhs.channelCPUMapping ?? []).elementsEqual(rhs.channelCPUMapping ?? []) { $0 == $1 }
    }

    /// `CHANNEL_OPENED_STATE` of the kernel's `enum vmbus_channel_state` (include/linux/hyperv.h):
    /// a driver has the channel open.
    public static let openedState = 3

    /// A driver has the primary channel open; only then does the kernel let its channels move
    /// (EIO otherwise, reference §3.4). Unknown state counts as not open.
    public var isOpen: Bool { state == VMBusDevice.openedState }

    /// The primary channel, by `subchannel_id` 0, else by the device's relid.
    public var primaryChannel: VMBusChannel? {
        channels.first { $0.isPrimary }
    }

    /// The name of a known class: the catalogue's, or `hv_sock connection` for an AF_VSOCK service
    /// GUID (reference §3.7: a known kind of offer, not an unknown class); nil otherwise.
    public var knownClassName: String? {
        if let deviceClass { return deviceClass.name }
        if let classID, DeviceClassCatalog.isVsockService(classID) { return "hv_sock connection" }
        return nil
    }

    /// The class name for people: the known name, or the GUID of an unknown class.
    public var className: String {
        knownClassName ?? classID ?? "unknown"
    }

    /// Ring data sizes, from the primary channel's device-level ring attributes; sub-channels are
    /// created with the primary's ring sizes by netvsc and storvsc, so they share them.
    /// Kept once read, so a filter that drops the primary channel (`vmbus channels --cpu N`) keeps
    /// the sizes its sub-channels' fill is computed from (issue 14).
    public var inboundRingSize: Int? { keptInboundRingSize ?? primaryChannel?.inbound.size }
    public var outboundRingSize: Int? { keptOutboundRingSize ?? primaryChannel?.outbound.size }
    public var keptInboundRingSize: Int?
    public var keptOutboundRingSize: Int?

    /// Remembers the primary channel's ring sizes before channels are filtered out.
    public mutating func keepRingSizes() {
        keptInboundRingSize = inboundRingSize
        keptOutboundRingSize = outboundRingSize
    }
}

/// Everything read from `/sys/bus/vmbus`.
public struct VMBusState: Sendable, Equatable {
    /// Whether `/sys/bus/vmbus` exists; nil when a partial snapshot lacks /sys/bus.
    public var present: Bool?
    /// Why `/sys/bus/vmbus/devices` could not be listed, when it exists but could not be read.
    public var listingFailure: ReadFailure?
    /// Devices sorted by relid as lsvmbus sorts them (unknown relids last, then by GUID).
    public var devices: [VMBusDevice]
    /// `/sys/bus/vmbus/hibernation`: the host offers hibernation (reference §3.1).
    public var hibernation: Bool?
    /// `hv_vmbus.max_version`: the cap, not the negotiated version (§5.2).
    public var maxVersion: VMBusVersion?
    /// The online CPUs, to flag channels that target an offline one.
    public var onlineCPUs: CPUList?
    public var diagnostics: [Diagnostic]
    /// Every CPU a channel's interrupt targets, ascending, without repeats.
    public var targetCPUs: [Int] {
        Array(Set(devices.flatMap { $0.channels.compactMap(\.targetCPU) })).sorted()
    }

    /// Whether each device's details (`state`, `driver_override`, …) were read: without them a nil
    /// there means "not read", not "unset".
    public var deviceDetailsRead = false

    public init(
        present: Bool?, devices: [VMBusDevice] = [], hibernation: Bool? = nil, maxVersion: VMBusVersion? = nil,
        onlineCPUs: CPUList? = nil, diagnostics: [Diagnostic] = []
    ) {
        self.present = present
        self.devices = devices
        self.hibernation = hibernation
        self.maxVersion = maxVersion
        self.onlineCPUs = onlineCPUs
        self.diagnostics = diagnostics
    }
}
