/// The `major.minor` of a kernel release string (`uname -r`): `6.1.0-37-cloud-amd64` is 6.1,
/// `6.6.87.2-microsoft-standard-WSL2` is 6.6.
///
/// Behaviour that changed upstream is tied to a release in the reference (e.g. channels move off
/// an offlined CPU by themselves since 6.15, §6.1; `channels/<relid>/cpu` is writable since 5.8,
/// §3.4), so decisions compare these two numbers only. Distribution backports can bring a change
/// to an older number; the reference's release numbers are upstream ones.
public struct KernelRelease: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Parses the leading `major.minor` of a release; nil for text that does not start with two
    /// dot-separated decimal numbers (`unknown`, an empty string).
    public init?(_ release: String) {
        let fields = release.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count >= 2, let major = Self.number(fields[0]), let minor = Self.number(fields[1]) else {
            return nil
        }
        self.init(major: major, minor: minor)
    }

    /// The decimal digits a field starts with (`1-rc3` → 1), at most 4 of them.
    private static func number(_ field: Substring) -> Int? {
        let digits = field.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4 else { return nil }
        return Int(digits)
    }

    public var description: String { "\(major).\(minor)" }

    public static func < (lhs: KernelRelease, rhs: KernelRelease) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}

extension KernelRelease {
    /// 6.15 moved channels off a dying CPU itself ("drivers/hv: add CPU offlining support",
    /// reference §6.1), when VMBus is 5.3 or newer.
    public static let movesChannelsOnOffline = KernelRelease(major: 6, minor: 15)
}
