/// The protocol a device's driver negotiated, and where hvctl read it.
public struct DeviceProtocol: Sendable, Hashable, Encodable {
    /// Where a version came from. The kernel log is the only place any driver publishes it.
    public enum Source: String, Sendable, Hashable, Encodable {
        case kernelLog = "kernel_log"
    }

    public var kind: DeviceProtocolKind
    /// `major.minor` as the driver printed it.
    public var version: String
    public var source: Source
    /// The log line it was read from.
    public var line: String

    public init(kind: DeviceProtocolKind, version: String, source: Source = .kernelLog, line: String) {
        self.kind = kind
        self.version = version
        self.source = source
        self.line = line
    }
}

/// Gives each device the protocol line that belongs to it, and only when that is unambiguous.
///
/// A line that names its device (`hv_pci <GUID>: …`, `hyperv_drm <GUID>: …`) goes to that device.
/// A line that names none (`hv_utils: KVP IC version 4.0`) goes to the one device of its class;
/// when the class has several instances (NICs and SCSI controllers may, reference §4) nothing says
/// which device printed it, so no device gets it.
public enum DeviceProtocolAttribution {
    /// Device ID → protocol, for the devices a line could be attributed to.
    public static func assign(_ lines: [DeviceProtocolLine], to devices: [VMBusDevice]) -> [String: DeviceProtocol] {
        var byClass: [String: [VMBusDevice]] = [:]
        for device in devices {
            if let name = device.deviceClass?.shortName { byClass[name, default: []].append(device) }
        }
        var result: [String: DeviceProtocol] = [:]
        for line in lines {
            let candidates = byClass[line.kind.classShortName] ?? []
            let target: VMBusDevice?
            if let named = line.deviceID {
                target = candidates.first { $0.deviceID == named }
            } else {
                target = candidates.count == 1 ? candidates.first : nil
            }
            guard let target else { continue }
            result[target.deviceID] = DeviceProtocol(kind: line.kind, version: line.version, line: line.text)
        }
        return result
    }
}
