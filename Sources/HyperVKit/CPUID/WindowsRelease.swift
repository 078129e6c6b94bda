/// Host build number (leaf 0x40000002 EAX) to Windows release, for display only (reference §8).
///
/// The TLFS (*Versioning*) and `Documentation/virt/hyperv/overview.rst` say features come from
/// the feature bits, never from version numbers: nothing may be derived from these names. A build
/// not in the table has no name, and a build between two known ones is never guessed (Azure hosts
/// run builds no public list has).
public enum WindowsRelease {
    /// One row of reference §8.
    public struct Entry: Sendable, Hashable {
        public let build: UInt32
        public let major: UInt16
        public let minor: UInt16
        /// Every product the build ships as, separated by " / ".
        public let name: String
        /// True when only third-party build lists confirm the row (reference §8, "Confirmed by").
        public let thirdPartyOnly: Bool
    }

    /// The rows of reference §8, ascending by build.
    public static let entries: [Entry] = [
        Entry(build: 9200, major: 6, minor: 2, name: "Windows Server 2012 / Windows 8", thirdPartyOnly: true),
        Entry(build: 9600, major: 6, minor: 3, name: "Windows Server 2012 R2 / Windows 8.1", thirdPartyOnly: true),
        Entry(build: 10240, major: 10, minor: 0, name: "Windows 10 1507 (RTM)", thirdPartyOnly: true),
        Entry(build: 10586, major: 10, minor: 0, name: "Windows 10 1511", thirdPartyOnly: true),
        Entry(
            build: 14393, major: 10, minor: 0, name: "Windows Server 2016 (LTSC 2016) / Windows 10 1607 (RS1)",
            thirdPartyOnly: false),
        Entry(build: 15063, major: 10, minor: 0, name: "Windows 10 1703 (RS2, client only)", thirdPartyOnly: false),
        Entry(
            build: 16299, major: 10, minor: 0, name: "Windows Server 1709 (SAC) / Windows 10 1709 (RS3)",
            thirdPartyOnly: false),
        Entry(
            build: 17134, major: 10, minor: 0, name: "Windows Server 1803 (SAC) / Windows 10 1803 (RS4)",
            thirdPartyOnly: false),
        Entry(
            build: 17763, major: 10, minor: 0, name: "Windows Server 2019 (LTSC 2019) / Windows 10 1809 (RS5)",
            thirdPartyOnly: false),
        Entry(
            build: 18362, major: 10, minor: 0, name: "Windows Server 1903 (SAC) / Windows 10 1903",
            thirdPartyOnly: false),
        Entry(
            build: 18363, major: 10, minor: 0, name: "Windows Server 1909 (SAC) / Windows 10 1909",
            thirdPartyOnly: false),
        Entry(
            build: 19041, major: 10, minor: 0, name: "Windows Server 2004 (SAC) / Windows 10 2004",
            thirdPartyOnly: false),
        Entry(
            build: 19042, major: 10, minor: 0, name: "Windows Server 20H2 (SAC) / Windows 10 20H2",
            thirdPartyOnly: false),
        Entry(
            build: 19043, major: 10, minor: 0, name: "Windows Server 21H1 (SAC) / Windows 10 21H1",
            thirdPartyOnly: false),
        Entry(build: 19044, major: 10, minor: 0, name: "Windows 10 21H2", thirdPartyOnly: false),
        Entry(build: 19045, major: 10, minor: 0, name: "Windows 10 22H2", thirdPartyOnly: false),
        Entry(build: 20348, major: 10, minor: 0, name: "Windows Server 2022 (LTSC 2022)", thirdPartyOnly: false),
        Entry(build: 22000, major: 10, minor: 0, name: "Windows 11 21H2", thirdPartyOnly: false),
        Entry(build: 22621, major: 10, minor: 0, name: "Windows 11 22H2", thirdPartyOnly: false),
        Entry(build: 22631, major: 10, minor: 0, name: "Windows 11 23H2", thirdPartyOnly: true),
        Entry(
            build: 25398, major: 10, minor: 0, name: "Windows Server 23H2 (annual channel)", thirdPartyOnly: false),
        // The server row is confirmed by hcsshim; Windows 11 24H2 = 26100 only by third-party lists.
        Entry(
            build: 26100, major: 10, minor: 0, name: "Windows Server 2025 (LTSC 2025) / Windows 11 24H2",
            thirdPartyOnly: false),
        // Not in reference §8 (issue 13): Windows 11 25H2 shares 24H2's servicing branch with a new
        // build number, 26200 (Microsoft's Windows 11 release information; an enablement package
        // over 26100). Third-party confirmed only here, as 22631 is.
        Entry(build: 26200, major: 10, minor: 0, name: "Windows 11 25H2", thirdPartyOnly: true),
    ]

    /// "Windows Server 2022 (LTSC 2022)" etc. for a build in reference §8, nil otherwise (never guess).
    public static func name(forBuild build: UInt32) -> String? {
        entries.first { $0.build == build }?.name
    }
}
