/// The protocol a VMBus device driver negotiated with the host, as its driver printed it.
///
/// Besides the VMBus version, each synthetic device speaks a protocol of its own whose version
/// the driver and the host agree on when the channel opens (reference §7.1 for the hv_utils and
/// hv_balloon lines; the others from the 6.1 drivers named in `KernelLogMessage`). Only the log
/// publishes these versions; sysfs has none of them.
public enum DeviceProtocolKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Integration components of hv_utils (`hv_kvp.c`, `hv_util.c`, `hv_snapshot.c`, `hv_fcopy.c`).
    case kvp, timesync, heartbeat, shutdown, vss, fcopy
    /// `hv_balloon.c`: DYNMEM_PROTOCOL_VERSION_1/2/3 = 0.3, 1.0, 2.0 (WIN7, WIN8, WIN10).
    case dynamicMemory = "dynamic_memory"
    /// The synthetic video protocol (`hyperv_fb.c`, `hyperv_drm_proto.c`): 3.0 WIN7, 3.2 WIN8,
    /// 3.5 WIN10 (`SYNTHVID_VERSION(major, minor)`).
    case synthvid
    /// `pci-hyperv.c`: PCI_PROTOCOL_VERSION_1_1 … 1_4 (`PCI_MAKE_VERSION(major, minor)`).
    case vpci
    /// `netvsc.c`: NVSP_PROTOCOL_VERSION_1 (0x2), _2 (0x30002), _4, _5, _6 (0x60000), _61 (0x60001).
    case nvsp

    /// The `DeviceClass.shortName` of the devices this protocol belongs to.
    public var classShortName: String {
        switch self {
        case .kvp, .timesync, .heartbeat, .shutdown, .vss, .fcopy: return rawValue
        case .dynamicMemory: return "balloon"
        case .synthvid: return "framebuffer"
        case .vpci: return "pci"
        case .nvsp: return "nic"
        }
    }

    /// The message that carries it.
    static func kind(of message: KernelLogMessage) -> DeviceProtocolKind? {
        switch message {
        case .kvpIC: return .kvp
        case .timeSyncIC: return .timesync
        case .heartbeatIC: return .heartbeat
        case .shutdownIC: return .shutdown
        case .vssIC: return .vss
        case .fcopyIC: return .fcopy
        case .dynamicMemoryProtocol: return .dynamicMemory
        case .synthvidFB, .synthvidDRM: return .synthvid
        case .vpciProtocol: return .vpci
        case .nvspProtocol: return .nvsp
        default: return nil
        }
    }
}

/// One recognised device protocol line.
public struct DeviceProtocolLine: Sendable, Hashable {
    public var kind: DeviceProtocolKind
    public var major: UInt32
    public var minor: UInt32
    /// The instance GUID the line names (lower case), for the lines printed with `dev_info()`
    /// (`hv_pci`, `hyperv_drm`); nil for `pr_info()`/`pr_debug()` lines, which name no device.
    public var deviceID: String?
    /// The line from its prefix on.
    public var text: String

    public init(kind: DeviceProtocolKind, major: UInt32, minor: UInt32, deviceID: String? = nil, text: String) {
        self.kind = kind
        self.major = major
        self.minor = minor
        self.deviceID = deviceID
        self.text = text
    }

    /// `major.minor`, as the drivers print it.
    public var version: String { "\(major).\(minor)" }
}

extension DeviceProtocolLine {
    /// Reads the printed numbers back into the fields they came from, refusing values no such
    /// field can hold:
    ///
    /// | Line | Printed | Fields |
    /// | --- | --- | --- |
    /// | IC lines | `%d.%d` of `v >> 16`, `v & 0xFFFF` | 16 + 16 bits |
    /// | Dynamic Memory | `%u.%u` of `v >> 16`, `v & 0xff` (`DYNMEM_MINOR_VERSION`) | 16 + 8 bits |
    /// | Synthvid | `%d, %d` of `v & 0xffff`, `(v & 0xffff0000) >> 16` | 16 + 16 bits |
    /// | vPCI | `%#x` of the whole version | 32 bits, `major << 16 \| minor` |
    /// | NVSP | `%x` of the whole version | 32 bits, `major << 16 \| minor` |
    static func decode(_ line: RecognizedLine, _ fields: inout CaptureReader) throws(KernelLogRejection)
        -> DeviceProtocolLine
    {
        guard let kind = DeviceProtocolKind.kind(of: line.message) else {
            throw KernelLogRejection(reason: "not a device protocol line")
        }
        var deviceID: String?
        if line.message == .synthvidDRM || line.message == .vpciProtocol { deviceID = try fields.guid() }
        switch kind {
        case .vpci, .nvsp:
            let word = try fields.word("\(kind.rawValue) version")
            return DeviceProtocolLine(
                kind: kind, major: word >> 16, minor: word & 0xFFFF, deviceID: deviceID, text: line.text)
        default:
            let major = try fields.field("\(kind.rawValue) major version", width: 16, allowsNegative: false)
            let minorWidth = kind == .dynamicMemory ? 8 : 16
            let minor = try fields.field("\(kind.rawValue) minor version", width: minorWidth, allowsNegative: false)
            return DeviceProtocolLine(
                kind: kind, major: UInt32(major), minor: UInt32(minor), deviceID: deviceID, text: line.text)
        }
    }
}
