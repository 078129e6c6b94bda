/// Reads `/sys/bus/vmbus` through the Machine seam (reference §3): the reader step, typed values
/// and diagnostics out, no decisions. Each attribute file is read at most once per scan.
///
/// Devices and channels can be rescinded by the host while they are read: a device or channel
/// whose directory is gone by the time it is read is skipped with a warning, never an abort.
public enum VMBusReader {
    public static let busDirectory = "/sys/bus/vmbus"
    public static let devicesDirectory = "/sys/bus/vmbus/devices"

    /// What to read: `devices` as text needs only the attributes it prints (class, relid, NUMA
    /// node, channel-to-CPU mapping, driver) and the channel list; JSON and `channels` need every
    /// device and channel attribute. Reading less is most of what makes the text listing fast.
    public struct Options: Sendable {
        public var channelAttributes: Bool
        /// `state`, `monitor_id`, `device`, `vendor`, `modalias`, `driver_override` and where the
        /// device link points: the device attributes only JSON shows.
        public var deviceDetails: Bool

        public init(channelAttributes: Bool, deviceDetails: Bool = true) {
            self.channelAttributes = channelAttributes
            self.deviceDetails = deviceDetails
        }

        public static let devicesOnly = Options(channelAttributes: false, deviceDetails: false)
        public static let everything = Options(channelAttributes: true)
    }

    public static func read(_ machine: any Machine, options: Options = .everything) -> VMBusState {
        var reader = AttributeReader(machine: machine)
        let names: [String]
        switch machine.directory(at: devicesDirectory) {
        case .success(let entries):
            names = entries
        case .failure(.absent):
            return VMBusState(present: machine.isDirectory("/sys/bus") ? false : nil)
        case .failure(let failure):
            return VMBusState(present: nil, diagnostics: [.read(devicesDirectory, failure)])
        }
        var state = VMBusState(present: true)
        state.onlineCPUs = reader.text(CPUTopology.directory + "/online", .optional).flatMap { CPUList(parsing: $0) }
        if let hibernation = reader.int(busDirectory + "/hibernation", .optional) {
            state.hibernation = hibernation != 0
        }
        if let cap = reader.int("/sys/module/hv_vmbus/parameters/max_version", .optional), cap >= 0 {
            state.maxVersion = VMBusVersion(encoded: UInt32(truncatingIfNeeded: cap))
        }
        for name in names {
            if let device = readDevice(name, options: options, reader: &reader) { state.devices.append(device) }
        }
        state.devices.sort { ($0.relid ?? Int.max, $0.deviceID) < ($1.relid ?? Int.max, $1.deviceID) }
        state.diagnostics = reader.diagnostics
        return state
    }

    /// One device; nil (with a warning) when it vanished between the listing and this read.
    static func readDevice(_ name: String, options: Options, reader: inout AttributeReader) -> VMBusDevice? {
        let path = devicesDirectory + "/" + name
        var device = VMBusDevice(deviceID: name.lowercased(), sysfsPath: path)
        let channelNames: [String]
        switch reader.machine.directory(at: path + "/channels") {
        case .success(let entries):
            channelNames = entries
        case .failure(.absent):
            guard reader.machine.isDirectory(path) else {
                reader.note(Diagnostic(path: path, message: "device \(name) vanished during the scan (rescinded)"))
                return nil
            }
            channelNames = []
        case .failure(let failure):
            reader.note(.read(path + "/channels", failure))
            channelNames = []
        }
        readDeviceAttributes(&device, details: options.deviceDetails, reader: &reader)
        if options.deviceDetails, case .success(let target) = reader.machine.link(at: path) {
            device.devicePath = resolve(target, from: devicesDirectory)
        }
        if case .success(let target) = reader.machine.link(at: path + "/driver") {
            device.driver = String(target.split(separator: "/").last ?? Substring(target))
        }
        device.channels = readChannels(channelNames, of: device, options: options, reader: &reader)
        return device
    }

    private static func readDeviceAttributes(
        _ device: inout VMBusDevice, details: Bool, reader: inout AttributeReader
    ) {
        let path = device.sysfsPath
        device.classID = reader.text(path + "/class_id").map(GUIDText.normalized)
        device.deviceClass = device.classID.flatMap(DeviceClassCatalog.lookup(guid:))
        device.relid = reader.int(path + "/id")
        if details { device.state = reader.int(path + "/state") }
        device.numaNode = reader.int(path + "/numa_node", .optional)
        if details {
            device.monitorID = reader.int(path + "/monitor_id", .optional)
            device.deviceType = reader.hex(path + "/device", .optional)
            device.vendor = reader.hex(path + "/vendor", .optional)
            device.modalias = reader.text(path + "/modalias", .optional)
            device.driverOverride = reader.text(path + "/driver_override", .optional).flatMap {
                $0.isEmpty || $0 == "(null)" ? nil : $0
            }
        }
        if let mapping = reader.text(path + "/channel_vp_mapping", .optional) {
            device.channelCPUMapping = parseMapping(mapping, path: path + "/channel_vp_mapping", reader: &reader)
        }
    }

    /// `channel_vp_mapping`: one `relid:cpu` line per channel (§3.2). Split on UTF-8 bytes, not
    /// Characters: a NIC of a large guest has 64 lines, and grapheme breaking was 8% of a listing.
    static func parseMapping(_ text: String, path: String, reader: inout AttributeReader) -> [(relid: Int, cpu: Int)]? {
        var pairs: [(relid: Int, cpu: Int)] = []
        let colon = UInt8(ascii: ":")
        for bytes in text.utf8.split(separator: UInt8(ascii: "\n")) {
            let line = Substring(bytes)
            let parts = bytes.split(separator: colon)
            guard parts.count == 2, let relid = Int(Substring(parts[0])), let cpu = Int(Substring(parts[1])) else {
                reader.note(Diagnostic(path: path, message: "\(path): not a relid:cpu line: \"\(line.prefix(40))\""))
                return nil
            }
            pairs.append((relid, cpu))
        }
        return pairs
    }

    /// Resolves a relative link target against the directory holding the link.
    static func resolve(_ target: String, from directory: String) -> String {
        var parts = target.hasPrefix("/") ? [] : directory.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            if component == ".." {
                _ = parts.popLast()
            } else if component != "." {
                parts.append(String(component))
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
