/// A kernel release (`uname -r`) as far as behaviour depends on it: its major and minor numbers.
/// `6.1.0-37-cloud-amd64` → 6.1; `6.6.87.2-microsoft-standard-WSL2` → 6.6.
public struct KernelRelease: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    public init?(_ release: String) {
        let numbers = release.prefix { $0.isNumber || $0 == "." }.split(separator: ".")
        guard numbers.count >= 2, let major = Int(numbers[0]), let minor = Int(numbers[1]) else { return nil }
        self.init(major: major, minor: minor)
    }

    public static func < (lhs: KernelRelease, rhs: KernelRelease) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    public var description: String { "\(major).\(minor)" }

    /// 6.15 moved channels off a dying CPU itself ("drivers/hv: add CPU offlining support",
    /// reference §6.1), when VMBus is 5.3 or newer.
    public static let movesChannelsOnOffline = KernelRelease(major: 6, minor: 15)
}
