import Testing

@testable import HyperVKit

/// Reference §1.2: which captured leaves are hypervisor data.
@Suite struct LeafPresenceTests {
    typealias Fixtures = SummaryFixtures
    static let vs1 = RegisterSet(eax: 0x3123_5356, ebx: 0, ecx: 0, edx: 0)
    static let stackVendor = RegisterSet(eax: 0x4000_0082, ebx: 0x7263_694D, ecx: 0x666F_736F, edx: 0x5356_2074)

    @Test func leavesAboveTheMaximumAreAbsent() {
        var vendor = Fixtures.vendorHyperV
        vendor.eax = 0x4000_000A
        let present = LeafPresence.presentLeaves(
            Fixtures.guest(with: [0x4000_0000: vendor]), hypervisorPresentBit: true)
        #expect(present.keys.sorted() == Array(0x4000_0000...0x4000_000A))
    }

    /// §1.2: 0x4000008x lie outside the maximum and are trusted only with "VS#1" in 0x40000081 EAX.
    /// 6.1 trusts 0x40000080-0x40000082 only after "VS#1"; newer kernels read 0x40000082 without
    /// that check (issue 13), so it is kept then, with a note saying so, and 0x80/0x81 are not.
    @Test func virtualizationStackLeavesNeedVS1() {
        let withVS = Fixtures.guest(with: [
            0x4000_0080: Self.stackVendor, 0x4000_0081: Self.vs1,
            0x4000_0082: RegisterSet(eax: 0x4, ebx: 0, ecx: 0, edx: 0),
        ])
        let kept = LeafPresence.presentLeaves(withVS, hypervisorPresentBit: true)
        #expect(kept[0x4000_0082]?.eax == 0x4)
        #expect(kept[0x4000_0080] != nil)
        #expect(LeafPresence.kernelNotes(withVS, hypervisorPresentBit: true).isEmpty)
        let withoutVS = withVS.merging([0x4000_0081: Fixtures.zero]) { _, new in new }
        let dropped = LeafPresence.presentLeaves(withoutVS, hypervisorPresentBit: true)
        #expect(dropped[0x4000_0080] == nil)
        #expect(dropped[0x4000_0081] == nil)
        #expect(dropped[0x4000_0082]?.eax == 0x4)
        #expect(
            LeafPresence.kernelNotes(withoutVS, hypervisorPresentBit: true)[0x4000_0082]
                == "read by newer kernels without the 0x40000081 \"VS#1\" check; Linux 6.1 reads it only after that check"
        )
        #expect(dropped[0x4000_000C] != nil)
    }

    /// TLFS: the interface signature sets the meaning of 0x40000002 and up.
    @Test func anotherInterfaceKeepsOnlyTheFirstTwoLeaves() {
        let leaves = Fixtures.guest(with: [0x4000_0001: RegisterSet(eax: 0x0100_7AFB, ebx: 0, ecx: 0, edx: 0)])
        let present = LeafPresence.presentLeaves(leaves, hypervisorPresentBit: true)
        #expect(present.keys.sorted() == [0x4000_0000, 0x4000_0001])
    }

    @Test func hypervisorBitClearKeepsNothing() {
        #expect(LeafPresence.presentLeaves(Fixtures.guest, hypervisorPresentBit: false).isEmpty)
    }

    /// The kernel log gives no 0x40000000/0x40000001: the rules needing them do not apply.
    @Test func kernelLogLeavesAreKept() {
        let present = LeafPresence.presentLeaves(Fixtures.kernelLog, hypervisorPresentBit: nil)
        #expect(present == Fixtures.kernelLog)
    }
}
