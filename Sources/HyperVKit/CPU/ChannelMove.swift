/// Re-targeting one channel's interrupt from one CPU to another (reference §3.4).
public struct ChannelMove: Sendable, Hashable, Codable {
    public var deviceID: String
    public var relid: Int
    public var from: Int
    public var to: Int

    public init(deviceID: String, relid: Int, from: Int, to: Int) {
        self.deviceID = deviceID
        self.relid = relid
        self.from = from
        self.to = to
    }

    /// The attribute the move writes.
    public var path: String { VMBusReader.devicesDirectory + "/\(deviceID)/channels/\(relid)/cpu" }

    /// The move that undoes this one.
    public var reversed: ChannelMove { ChannelMove(deviceID: deviceID, relid: relid, from: to, to: from) }

    enum CodingKeys: String, CodingKey {
        case deviceID = "device_id"
        case relid, from, to
    }
}
