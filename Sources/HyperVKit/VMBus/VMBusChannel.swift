/// One VMBus channel, primary or sub-channel, from `channels/<relid>/` (reference §3.3). Every
/// value is nil when its attribute was missing or unreadable (a diagnostic says which).
public struct VMBusChannel: Sendable, Equatable {
    /// One direction of a channel's ring buffer.
    public struct Ring: Sendable, Equatable {
        /// Bytes waiting to be read.
        public var readAvailable: Int?
        /// Bytes free for writing.
        public var writeAvailable: Int?
        /// The interrupt mask (1 = the reader does not want interrupts: it is polling).
        public var mask: Int?

        public init(readAvailable: Int? = nil, writeAvailable: Int? = nil, mask: Int? = nil) {
            self.readAvailable = readAvailable
            self.writeAvailable = writeAvailable
            self.mask = mask
        }

        /// The ring's data size: read + write available is the data area (the indexes wrap at it,
        /// `hv_get_bytes_to_read/write` in `include/linux/hyperv.h`); nil unless both are known.
        public var size: Int? {
            guard let readAvailable, let writeAvailable else { return nil }
            return readAvailable + writeAvailable
        }
    }

    public var relid: Int
    /// `subchannel_id` (0 = primary); nil when unreadable.
    public var subchannelIndex: Int?
    public var isPrimary: Bool
    /// The Linux CPU number the host interrupts for this channel (`cpu`; not a VP index, §3.3).
    public var targetCPU: Int?
    /// The channel's own `cpu` file could not be read and `targetCPU` comes from the device's
    /// `channel_vp_mapping` (issue 14: an unreadable target never counts as "no channel here").
    public var targetFromMapping = false
    public var interrupts: UInt64?
    public var events: UInt64?
    /// Host→guest: `read_avail` and `in_mask` of the channel; `write_avail` only for the primary,
    /// from the device's `in_write_bytes_avail`.
    public var inbound: Ring
    /// Guest→host: `write_avail` and `out_mask` of the channel; `read_avail` only for the primary,
    /// from the device's `out_read_bytes_avail`.
    public var outbound: Ring
    /// Monitor pending bits and latency; nil without a monitor (the attributes are hidden).
    public var pending: Int?
    public var latency: Int?
    public var monitorID: Int?
    public var interruptsInFull: UInt64?
    public var interruptsOutEmpty: UInt64?
    public var outFullFirst: UInt64?
    public var outFullTotal: UInt64?

    public init(relid: Int) {
        self.relid = relid
        self.isPrimary = false
        self.inbound = Ring()
        self.outbound = Ring()
    }

    /// Inbound fill in percent (bytes waiting over the ring's size), given the ring size.
    public func inboundFill(ringSize: Int?) -> Double? {
        guard let size = ringSize ?? inbound.size, size > 0, let waiting = inbound.readAvailable else { return nil }
        return Double(waiting) * 100 / Double(size)
    }

    /// Outbound fill in percent (size minus free, over size), given the ring size.
    public func outboundFill(ringSize: Int?) -> Double? {
        guard let size = ringSize ?? outbound.size, size > 0, let free = outbound.writeAvailable else { return nil }
        return Double(max(0, size - free)) * 100 / Double(size)
    }
}
