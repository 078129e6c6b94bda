import Testing

@testable import HyperVKit

@Suite struct WindowsReleaseTests {
    /// Every row of reference §8, copied from the reference ("; also" written as " / ").
    static let rows: [(build: UInt32, name: String)] = [
        (9200, "Windows Server 2012 / Windows 8"),
        (9600, "Windows Server 2012 R2 / Windows 8.1"),
        (10240, "Windows 10 1507 (RTM)"),
        (10586, "Windows 10 1511"),
        (14393, "Windows Server 2016 (LTSC 2016) / Windows 10 1607 (RS1)"),
        (15063, "Windows 10 1703 (RS2, client only)"),
        (16299, "Windows Server 1709 (SAC) / Windows 10 1709 (RS3)"),
        (17134, "Windows Server 1803 (SAC) / Windows 10 1803 (RS4)"),
        (17763, "Windows Server 2019 (LTSC 2019) / Windows 10 1809 (RS5)"),
        (18362, "Windows Server 1903 (SAC) / Windows 10 1903"),
        (18363, "Windows Server 1909 (SAC) / Windows 10 1909"),
        (19041, "Windows Server 2004 (SAC) / Windows 10 2004"),
        (19042, "Windows Server 20H2 (SAC) / Windows 10 20H2"),
        (19043, "Windows Server 21H1 (SAC) / Windows 10 21H1"),
        (19044, "Windows 10 21H2"),
        (19045, "Windows 10 22H2"),
        (20348, "Windows Server 2022 (LTSC 2022)"),
        (22000, "Windows 11 21H2"),
        (22621, "Windows 11 22H2"),
        (22631, "Windows 11 23H2"),
        (25398, "Windows Server 23H2 (annual channel)"),
        (26100, "Windows Server 2025 (LTSC 2025) / Windows 11 24H2"),
    ]

    @Test(arguments: rows.map(\.build))
    func everyReferenceRowHasItsName(_ build: UInt32) {
        let expected = Self.rows.first { $0.build == build }?.name
        #expect(WindowsRelease.name(forBuild: build) == expected)
    }

    /// The reference's rows, and one more that issue 13 adds: 26200, Windows 11 25H2.
    @Test func theTableHasExactlyTheReferenceRows() {
        #expect(WindowsRelease.entries.map(\.build) == Self.rows.map(\.build) + [26200])
        #expect(WindowsRelease.name(forBuild: 26200) == "Windows 11 25H2")
    }

    /// §8: major.minor is 6.2/6.3 for the Windows 8 era and 10.0 after; only some rows are third-party.
    @Test func versionsAndProvenance() {
        let byBuild = Dictionary(uniqueKeysWithValues: WindowsRelease.entries.map { ($0.build, $0) })
        #expect(byBuild[9200]?.major == 6)
        #expect(byBuild[9200]?.minor == 2)
        #expect(byBuild[9600]?.minor == 3)
        #expect(WindowsRelease.entries.filter { $0.build >= 10240 }.allSatisfy { $0.major == 10 && $0.minor == 0 })
        let thirdParty = WindowsRelease.entries.filter(\.thirdPartyOnly).map(\.build)
        #expect(thirdParty == [9200, 9600, 10240, 10586, 22631, 26200])
    }

    /// §8: "a build between two known ones must not be guessed"; Azure hosts run unlisted builds.
    @Test(arguments: [UInt32(0), 6002, 7601, 9201, 14394, 17764, 20347, 20349, 22100, 26099, 26101, 0xFFFF_FFFF])
    func unknownBuildHasNoName(_ build: UInt32) {
        #expect(WindowsRelease.name(forBuild: build) == nil)
    }
}
