import Testing

@testable import HyperVKit

/// One hex spelling everywhere: lowercase, zero-padded, never cut (docs/json-schema.md's
/// `"0x00002e7f"`, the kernel's `%x`).
@Suite struct HexTests {
    @Test func padsLowercaseAndNeverCuts() {
        #expect(Hex.format(UInt32(0x2E7F), digits: 8) == "0x00002e7f")
        #expect(Hex.format(UInt64(0x4000_00F0)) == "0x400000f0")
        #expect(Hex.format(UInt64(0x1_2345_6789), digits: 8) == "0x123456789")
        #expect(Hex.format(UInt8(0)) == "0x0")
    }

    @Test func takesAnyPrefix() {
        #expect(Hex.format(UInt32(7), digits: 2, prefix: "\\x") == "\\x07")
        #expect(Hex.format(UInt32(0x1B), digits: 4, prefix: "\\u") == "\\u001b")
        #expect(Hex.format(UInt32(0xAB), digits: 4, prefix: "") == "00ab")
    }

    @Test func parsesOnlyPrefixedHex() {
        #expect(Hex.parse32("0x40000000") == 0x4000_0000)
        #expect(Hex.parse32("0XFF") == 0xFF)
        #expect(Hex.parse32("40000000") == nil)
        #expect(Hex.parse32("0x") == nil)
        #expect(Hex.parse32("0x100000000") == nil)
    }
}
