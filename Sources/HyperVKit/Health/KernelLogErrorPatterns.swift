#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Error lines of the Hyper-V drivers, as data: each is the fixed text of a 6.1 `pr_err`/`dev_err`
/// format string (the driver prefix, then the message up to its first conversion), with the file
/// it comes from. A line matches when it holds every fragment, in order; `excluding` drops lines
/// that are the same message at a harmless level.
public struct KernelLogErrorPattern: Sendable, Equatable {
    public var id: String
    public var fragments: [String]
    public var excluding: [String]
    /// What it means, for the summary.
    public var meaning: String
    /// The kernel file that prints it.
    public var source: String

    /// The fragments as bytes, for matching without String's Unicode machinery (issue 12: the
    /// searcher it builds per call made a 64 MB log take 39 s).
    let fragmentBytes: [[UInt8]]
    let excludingBytes: [[UInt8]]

    public init(id: String, _ fragments: [String], excluding: [String] = [], meaning: String, source: String) {
        self.id = id
        self.fragments = fragments
        self.excluding = excluding
        self.meaning = meaning
        self.source = source
        self.fragmentBytes = fragments.map { Array($0.utf8) }
        self.excludingBytes = excluding.map { Array($0.utf8) }
    }

    /// Whether `line` holds every fragment in order, and none of `excluding`.
    public func matches(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { matches(bytes: $0) }
    }

    func matches(bytes line: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 0
        for fragment in fragmentBytes {
            guard let found = ByteSearch.find(fragment, in: line, from: from) else { return false }
            from = found + fragment.count
        }
        return !excludingBytes.contains { ByteSearch.find($0, in: line, from: 0) != nil }
    }

    public static func == (lhs: KernelLogErrorPattern, rhs: KernelLogErrorPattern) -> Bool {
        lhs.id == rhs.id && lhs.fragments == rhs.fragments && lhs.excluding == rhs.excluding
            && lhs.meaning == rhs.meaning && lhs.source == rhs.source
    }
}

/// Substring search over bytes: memchr for the first byte, then a compare; linear for the short
/// fragments it is given.
enum ByteSearch {
    static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first, let base = haystack.baseAddress else { return needle.isEmpty ? start : nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let equal = needle.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { memcmp(base + position, $0, needle.count) == 0 } ?? false
            }
            if equal {
                return position
            }
            index = position + 1
        }
        return nil
    }
}

/// The patterns `kernel_log.errors` looks for (k6.1 file names; reference §7 for the prefixes:
/// `hv_vmbus: `, `hv_utils: `, `hv_balloon: ` come from each file's pr_fmt, `hv_netvsc <GUID> <if>: `
/// and `hv_storvsc <GUID>: ` from netdev_err()/dev_err() on the VMBus device).
public enum KernelLogErrorPatterns {
    public static let all: [KernelLogErrorPattern] = vmbus + storage + network + services
    /// What every pattern's first fragment starts with (checked by a test).
    static let commonPrefix: [UInt8] = Array("hv_".utf8)

    static let vmbus: [KernelLogErrorPattern] = [
        .init(
            id: "vmbus_connect", ["hv_vmbus: Unable to connect to host"],
            meaning: "VMBus did not connect (no protocol version agreed, §5.2)", source: "drivers/hv/connection.c"),
        .init(
            id: "vmbus_isolation_version", ["hv_vmbus: Invalid VMBus version"],
            meaning: "an isolated VM refused the host's VMBus version (§5.2)", source: "drivers/hv/connection.c"),
        .init(
            id: "vmbus_invalid_offer", ["hv_vmbus: Invalid offer"],
            meaning: "an isolated VM dropped an offer of a class it may not use (§4)",
            source: "drivers/hv/channel_mgmt.c"),
        .init(
            id: "vmbus_irq", ["hv_vmbus: Can't request Hyper-V VMbus IRQ"],
            meaning: "arm64: the VMBus interrupt could not be set up (§7.2)", source: "drivers/hv/vmbus_drv.c"),
        .init(
            id: "vmbus_probe", ["hv_vmbus: probe failed for device"],
            meaning: "a VMBus driver failed to probe its device", source: "drivers/hv/vmbus_drv.c"),
        .init(
            id: "vmbus_post_msg", ["hv_vmbus: hv_post_msg() failed"],
            meaning: "a message to the host failed", source: "drivers/hv/connection.c"),
        .init(
            id: "vmbus_unload", ["hv_vmbus: Continuing even though VMBus UNLOAD did not complete"],
            meaning: "the host did not acknowledge VMBus UNLOAD (kexec, crash)", source: "drivers/hv/channel_mgmt.c"),
    ]

    static let storage: [KernelLogErrorPattern] = [
        // Printed at error level unless the command is TEST_UNIT_READY (cmd 0x0), which Hyper-V may
        // fail while devices are probed: that one is a warning, hidden by the default logging_level.
        .init(
            id: "storvsc_io", ["hv_storvsc ", " status: scsi 0x", " srb 0x"], excluding: [" cmd 0x0 status:"],
            meaning: "a SCSI command failed", source: "drivers/scsi/storvsc_drv.c"),
        .init(
            id: "storvsc_subchannel", ["hv_storvsc ", "Failed to "], excluding: [],
            meaning: "a storage sub-channel could not be created or opened", source: "drivers/scsi/storvsc_drv.c"),
    ]

    static let network: [KernelLogErrorPattern] = [
        .init(
            id: "netvsc_send", ["hv_netvsc ", "Unable to send packet"],
            meaning: "a packet could not be sent to the host", source: "drivers/net/hyperv/netvsc.c"),
        .init(
            id: "netvsc_open", ["hv_netvsc ", "unable to open "],
            meaning: "a network channel or device could not be opened", source: "drivers/net/hyperv/netvsc.c"),
        .init(
            id: "netvsc_add", ["hv_netvsc ", "unable to add netvsc device"],
            meaning: "the network device could not be added", source: "drivers/net/hyperv/netvsc_drv.c"),
        .init(
            id: "netvsc_ring", ["hv_netvsc ", "Ring buffer not empty after closing rndis"],
            meaning: "the ring still held data when the device closed", source: "drivers/net/hyperv/netvsc_drv.c"),
    ]

    static let services: [KernelLogErrorPattern] = [
        .init(
            id: "balloon_hot_add", ["hv_balloon: ", "hot", "failed"],
            meaning: "Dynamic Memory could not hot-add memory", source: "drivers/hv/hv_balloon.c"),
        .init(
            id: "balloon_response", ["hv_balloon: Balloon response failed"],
            meaning: "Dynamic Memory could not answer the host", source: "drivers/hv/hv_balloon.c"),
        .init(
            id: "utils_packet", ["hv_utils: ", "request received. "],
            meaning: "an integration service received a malformed request", source: "drivers/hv/hv_util.c"),
        .init(
            id: "utils_timesync", ["hv_utils: TimeSync IC pkt recv failed"],
            meaning: "time synchronization could not read the host's packet", source: "drivers/hv/hv_util.c"),
    ]
}
