import Testing

@testable import HyperVLive

/// The `%*pbl` lists of /sys/devices/system/cpu/{possible,present,online,offline} (lib/bitmap.c).
@Suite struct CPUListTests {
    @Test func parsesRangesAndSingles() {
        #expect(CPUList.parse("0-3,7\n") == [0, 1, 2, 3, 7])
        #expect(CPUList.parse("0\n") == [0])
        #expect(CPUList.parse("0-1") == [0, 1])
        #expect(CPUList.parse("0-2,1,8-9") == [0, 1, 2, 8, 9])
    }

    /// `offline` with every CPU online is an empty line.
    @Test func emptyListHasNoCPU() {
        #expect(CPUList.parse("\n") == [])
        #expect(CPUList.parse("") == [])
    }

    @Test(arguments: ["3-1", "0-", "-1", "a", "0,,1", "0-7:2/4", "+1", "1-2-3", "0-70000", "٣"])
    func refusesWhatSysfsNeverPrints(text: String) {
        #expect(CPUList.parse(text) == nil)
    }
}
