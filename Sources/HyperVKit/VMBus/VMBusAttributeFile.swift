/// The attribute files of a VMBus device directory that hvctl reads (reference §3.2,
/// `vmbus_dev_attrs` in `drivers/hv/vmbus_drv.c`). The reader reads them by these names and its
/// source declaration lists the same names, so a file is named once.
enum VMBusDeviceFile: String, CaseIterable {
    case id
    case classID = "class_id"
    case numaNode = "numa_node"
    case channelVPMapping = "channel_vp_mapping"
    case state
    case monitorID = "monitor_id"
    case device
    case vendor
    case modalias
    case driverOverride = "driver_override"

    /// The primary channel's ring attributes at device level that complete its rings (§3.2).
    enum Ring: String, CaseIterable {
        case inWriteBytesAvail = "in_write_bytes_avail"
        case outReadBytesAvail = "out_read_bytes_avail"
    }

    /// Files a capture keeps beside these although hvctl does not read them: lsvmbus -vv prints
    /// `device_id` (hvctl takes the instance GUID from the directory name, the same value), and the
    /// other two ring attributes are the primary channel's, which its own directory gives.
    static let capturedForPeers = ["device_id", "in_read_bytes_avail", "out_write_bytes_avail"]
}

/// The attribute files of a channel directory, `channels/<relid>/` (§3.3, `vmbus_chan_attrs`).
enum VMBusChannelFile: String, CaseIterable {
    case cpu
    case subchannelID = "subchannel_id"
    case interrupts
    case events
    case inMask = "in_mask"
    case outMask = "out_mask"
    case readAvail = "read_avail"
    case writeAvail = "write_avail"
    case pending
    case latency
    case monitorID = "monitor_id"
    case intrInFull = "intr_in_full"
    case intrOutEmpty = "intr_out_empty"
    case outFullFirst = "out_full_first"
    case outFullTotal = "out_full_total"
}

extension String {
    /// `directory/name` for one of the attribute files above.
    func appending(_ file: VMBusDeviceFile) -> String { self + "/" + file.rawValue }
    func appending(_ file: VMBusDeviceFile.Ring) -> String { self + "/" + file.rawValue }
    func appending(_ file: VMBusChannelFile) -> String { self + "/" + file.rawValue }
}
