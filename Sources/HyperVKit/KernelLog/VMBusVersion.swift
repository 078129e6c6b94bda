/// A VMBus protocol version, `major.minor` (reference §5.1).
///
/// The kernel encodes it as `(major << 16) | minor` (`include/linux/hyperv.h`; newer kernels spell
/// it `VMBUS_MAKE_VERSION`), which is how `hv_vmbus.max_version` shows it in sysfs (327683 = 5.3),
/// and prints the negotiated one as `hv_vmbus: Vmbus version:%d.%d` (§5.2). In JSON it is the
/// string `"5.3"` (docs/json-schema.md, `hvctl vmbus version`).
public struct VMBusVersion: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var major: UInt16
    public var minor: UInt16

    public init(major: UInt16, minor: UInt16) {
        self.major = major
        self.minor = minor
    }

    /// Decodes `(major << 16) | minor`. `nil` for 0xFFFFFFFF, which is the kernel's
    /// `VERSION_INVAL` (-1, `include/linux/hyperv.h`), "no version", not version 65535.65535.
    public init?(encoded: UInt32) {
        guard encoded != 0xFFFF_FFFF else { return nil }
        self.init(major: UInt16(encoded >> 16), minor: UInt16(encoded & 0xFFFF))
    }

    /// Parses `"5.3"`: two decimal numbers of at most 16 bits, nothing else (no spaces or signs).
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let major = Self.component(parts[0]), let minor = Self.component(parts[1]) else {
            return nil
        }
        self.init(major: major, minor: minor)
    }

    private static func component(_ text: Substring) -> UInt16? {
        guard !text.isEmpty, text.utf8.count <= 5, text.utf8.allSatisfy(ASCII.isDigit) else { return nil }
        return UInt16(text)
    }

    /// `(major << 16) | minor`, the kernel's encoding.
    public var encoded: UInt32 { UInt32(major) << 16 | UInt32(minor) }

    public var description: String { "\(major).\(minor)" }

    public static func < (lhs: VMBusVersion, rhs: VMBusVersion) -> Bool { lhs.encoded < rhs.encoded }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let version = VMBusVersion(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a VMBus version (major.minor): \(text)")
        }
        self = version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
