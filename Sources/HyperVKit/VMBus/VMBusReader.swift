/// Reads `/sys/bus/vmbus` through the Machine seam (reference §3): the reader step, typed values
/// and diagnostics out, no decisions. Each attribute file is read at most once per scan.
///
/// Devices and channels can be rescinded by the host while they are read: a device or channel
/// whose directory is gone by the time it is read is skipped with a warning, never an abort.
public enum VMBusReader {
    /// `/sys/bus`: when a snapshot holds it but not vmbus, there is no VMBus (not "not captured").
    public static let busesDirectory = SourceCatalog.sysfsRoot + "/bus"
    public static let busDirectory = busesDirectory + "/vmbus"
    public static let devicesDirectory = busDirectory + "/devices"

    /// What to read: `devices` needs only the device attributes and the channel list; `channels`
    /// needs every channel attribute.
    public struct Options: Sendable {
        public var channelAttributes: Bool
        /// Read each channel's own `cpu` (and `subchannel_id`) even without the other attributes:
        /// the per-channel file is what a re-targeting write changes, and what the CPU commands trust.
        public var channelTargets: Bool
        /// `state`, `monitor_id`, `device`, `vendor`, `modalias`, `driver_override` and where the
        /// device link points: the device attributes only JSON and the CPU commands use. Reading
        /// less is most of what makes the text device listing fast.
        public var deviceDetails: Bool

        /// `/sys/devices/system/cpu/online`: read here, or already read by the caller (so a run that
        /// reads the CPU topology too reads the file once).
        public var onlineCPUs: OnlineCPUs = .read

        public enum OnlineCPUs: Sendable {
            case read
            case known(CPUList?)
        }

        public init(channelAttributes: Bool, channelTargets: Bool = false, deviceDetails: Bool = true) {
            self.channelAttributes = channelAttributes
            self.channelTargets = channelAttributes || channelTargets
            self.deviceDetails = deviceDetails
        }

        /// What the text device listing prints: class, relid, NUMA node, driver, and the channel
        /// CPUs from `channel_vp_mapping`.
        public static let devicesOnly = Options(channelAttributes: false, deviceDetails: false)
        /// Device attributes and every channel's `cpu`.
        public static let channelTargets = Options(channelAttributes: false, channelTargets: true)
        public static let everything = Options(channelAttributes: true)
    }

    public static func read(_ machine: any Machine, options: Options = .everything) -> VMBusState {
        var reader = AttributeReader(machine: machine)
        let names: [String]
        switch machine.directory(at: devicesDirectory) {
        case .success(let entries):
            names = entries
        case .failure(.absent):
            return VMBusState(present: presence(machine))
        case .failure(let failure):
            var state = VMBusState(present: nil, diagnostics: [reader.readFailure(devicesDirectory, failure)])
            state.listingFailure = failure
            return state
        }
        var state = VMBusState(present: true)
        state.deviceDetailsRead = options.deviceDetails
        switch options.onlineCPUs {
        case .read:
            state.onlineCPUs = reader.text(CPUTopology.onlinePath, .optional).flatMap {
                CPUList(parsing: $0)
            }
        case .known(let online):
            state.onlineCPUs = online
        }
        if let hibernation = reader.int(hibernationPath, .optional) {
            state.hibernation = hibernation != 0
        }
        if let cap = reader.int(maxVersionPath, .optional), cap >= 0 {
            state.maxVersion = VMBusVersion(encoded: UInt32(truncatingIfNeeded: cap))
        }
        for name in names {
            if let device = readDevice(name, options: options, reader: &reader) { state.devices.append(device) }
        }
        state.devices.sort { ($0.relid ?? Int.max, $0.deviceID) < ($1.relid ?? Int.max, $1.deviceID) }
        state.diagnostics =
            reader.diagnostics + offlineTargets(state.devices, online: state.onlineCPUs)
            + state.devices.compactMap(Modalias.mismatch)
        return state
    }

    /// Channels whose interrupt targets an offline CPU. 6.1 refuses to offline such a CPU (EBUSY,
    /// reference §6.1), so seeing one means the values were read across a change (a capture is not
    /// atomic): worth a warning, and the channel is flagged rather than trusted.
    static func offlineTargets(_ devices: [VMBusDevice], online: CPUList?) -> [Diagnostic] {
        guard let online else { return [] }
        return devices.flatMap { device in
            device.channels.compactMap { channel -> Diagnostic? in
                guard let cpu = channel.targetCPU, !online.contains(cpu) else { return nil }
                let path = device.sysfsPath + "/channels/\(channel.relid)"
                return Diagnostic(path: path, message: "\(path): interrupts target CPU \(cpu), which is offline")
            }
        }
    }

    /// Whether a machine without `/sys/bus/vmbus` has no VMBus (false) or did not capture sysfs at
    /// all (nil). A capture keeps only `sys/bus/vmbus` of `/sys/bus` (docs/snapshot-format.md), so a
    /// KVM or bare-metal snapshot has `/sys` without `/sys/bus`; a partial snapshot (a pasted log)
    /// has no `/sys`.
    static func presence(_ machine: any Machine) -> Bool? {
        machine.isDirectory(SourceCatalog.sysfsRoot) ? false : nil
    }

    /// One device; nil (with one warning) when it vanished between the listing and this read. A
    /// device can be rescinded at any moment of its scan: whenever a read failed, the directory is
    /// checked again, and if it is gone the failures are replaced by the one warning that says so.
    static func readDevice(_ name: String, options: Options, reader: inout AttributeReader) -> VMBusDevice? {
        let path = devicesDirectory + "/" + name
        let mark = reader.diagnostics.count
        var device = VMBusDevice(deviceID: name.lowercased(), sysfsPath: path)
        let channelNames: [String]
        switch reader.machine.directory(at: path + "/channels") {
        case .success(let entries):
            channelNames = entries
        case .failure(.absent):
            guard reader.machine.isDirectory(path) else {
                noteVanished(path, since: mark, reader: &reader)
                return nil
            }
            channelNames = []
        case .failure(let failure):
            reader.note(reader.readFailure(path + "/channels", failure))
            channelNames = []
        }
        readDeviceAttributes(&device, details: options.deviceDetails, reader: &reader)
        if options.deviceDetails, case .success(let target) = reader.machine.link(at: path) {
            device.devicePath = resolve(target, from: devicesDirectory)
        }
        if case .success(let target) = reader.machine.link(at: path + "/" + driverLink) {
            device.driver = String(target.split(separator: "/").last ?? Substring(target))
        }
        device.channels = readChannels(channelNames, of: device, options: options, reader: &reader)
        device.keepRingSizes()
        if reader.diagnostics.count > mark && !reader.machine.isDirectory(path) {
            noteVanished(path, since: mark, reader: &reader)
            return nil
        }
        return device
    }

    /// Drops the diagnostics a vanished device or channel caused since `mark` and notes, once, that
    /// it vanished.
    static func noteVanished(_ path: String, since mark: Int, reader: inout AttributeReader) {
        let what = path.contains("/channels/") ? "channel" : "device"
        reader.diagnostics.removeSubrange(mark...)
        reader.note(Diagnostic(path: path, message: "\(path): \(what) vanished during the scan (rescinded)"))
    }

    private static func readDeviceAttributes(
        _ device: inout VMBusDevice, details: Bool, reader: inout AttributeReader
    ) {
        let path = device.sysfsPath
        device.classID = reader.text(path.appending(VMBusDeviceFile.classID)).map(GUIDText.normalized)
        device.deviceClass = device.classID.flatMap(DeviceClassCatalog.lookup(guid:))
        device.relid = reader.int(path.appending(VMBusDeviceFile.id))
        if details { device.state = reader.int(path.appending(VMBusDeviceFile.state)) }
        device.numaNode = reader.int(path.appending(VMBusDeviceFile.numaNode), .optional)
        if details {
            device.monitorID = reader.int(path.appending(VMBusDeviceFile.monitorID), .optional)
            device.deviceType = reader.hex(path.appending(VMBusDeviceFile.device), .optional)
            device.vendor = reader.hex(path.appending(VMBusDeviceFile.vendor), .optional)
            device.modalias = reader.text(path.appending(VMBusDeviceFile.modalias), .optional)
            device.driverOverride = reader.text(path.appending(VMBusDeviceFile.driverOverride), .optional).flatMap(
                VMBusDevice.driverOverride(fromAttribute:))
        }
        if let mapping = reader.text(path.appending(VMBusDeviceFile.channelVPMapping), .optional) {
            device.channelCPUMapping = parseMapping(
                mapping, path: path.appending(VMBusDeviceFile.channelVPMapping), reader: &reader)
        }
    }

    /// `channel_vp_mapping`: one `relid:cpu` line per channel (§3.2). A line that does not parse
    /// is skipped with a warning and the others are kept: the kernel itself cuts the last line
    /// when the page fills (`scnprintf` in `channel_vp_mapping_show()`).
    static func parseMapping(_ text: String, path: String, reader: inout AttributeReader) -> [(relid: Int, cpu: Int)] {
        // Split on UTF-8 bytes, not Characters: a NIC of a large guest has 64 lines, and grapheme
        // breaking was 8% of a listing.
        var pairs: [(relid: Int, cpu: Int)] = []
        for bytes in text.utf8.split(separator: UInt8(ascii: "\n")) {
            let line = Substring(bytes)
            let parts = bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            guard parts.count == 2, let relid = Int(Substring(parts[0])), let cpu = Int(Substring(parts[1])) else {
                reader.note(Diagnostic(path: path, message: "\(path): not a relid:cpu line: \"\(line.prefix(40))\""))
                continue
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

extension VMBusReader {
    /// Whether /sys/bus/vmbus exists; nil when the snapshot has no /sys/bus or it cannot be listed.
    public static func readPresence(_ machine: any Machine, diagnostics: inout [Diagnostic]) -> Bool? {
        switch machine.directory(at: busDirectory) {
        case .success: return true
        case .failure(.absent): return machine.isDirectory(busesDirectory) ? false : nil
        case .failure(let failure):
            diagnostics.append(.read(busDirectory, failure))
            return nil
        }
    }
}

extension VMBusReader {
    /// What the VMBus reader reads (reference §3, `drivers/hv/vmbus_drv.c`).
    public static let sources: [MachineSource] = {
        let device = devicesDirectory + "/*"
        let reader = "VMBusReader"
        return [
            MachineSource(
                devicesDirectory + "/*", reader: reader, why: "one link per VMBus device, named by its instance GUID"),
            MachineSource(
                device + "/{" + VMBusDeviceFile.allCases.map(\.rawValue).joined(separator: ",") + "}",
                optional: true, reader: reader,
                why:
                    "the device's relid, class, instance, NUMA node, channel CPUs and identity (lsvmbus -vv prints the same)"
            ),
            MachineSource(
                device + "/{" + VMBusDeviceFile.Ring.allCases.map(\.rawValue).joined(separator: ",") + "}",
                optional: true, reader: reader,
                why: "the ring sizes, from the bytes free in each ring of the primary channel"),
            MachineSource(
                device + "/{" + VMBusDeviceFile.capturedForPeers.joined(separator: ",") + "}", optional: true,
                reader: reader,
                why: "not read: kept so a snapshot holds what lsvmbus -vv and the kernel's ring attributes show"),
            MachineSource(
                device + "/" + driverLink, optional: true, reader: reader,
                why: "the bound driver (a link; absent when unbound)"),
            MachineSource(
                device + "/channels/*/{" + VMBusChannelFile.allCases.map(\.rawValue).joined(separator: ",") + "}",
                optional: true, reader: reader,
                why: "per channel: target CPU, interrupt and event counts, ring fill, ring-full writes"),
            MachineSource(
                hibernationPath, optional: true, reader: reader,
                why: "whether the bus supports hibernation"),
            MachineSource(
                maxVersionPath, optional: true, redaction: .none, reader: reader,
                why: "hv_vmbus.max_version: the cap on the protocol version the guest offers"),
        ]
    }()

    /// `hibernation`: 1 when the bus supports hibernation (`hibernation_show()`, vmbus_drv.c).
    static let hibernationPath = busDirectory + "/hibernation"
    /// The link to the bound driver, in each device directory (absent when unbound).
    static let driverLink = "driver"

    /// `hv_vmbus.max_version`, the module parameter that caps the version offered (reference §5).
    public static let maxVersionPath = KernelModuleReader.directory + "/hv_vmbus/parameters/max_version"
}
