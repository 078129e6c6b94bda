import Foundation
import Testing

@testable import HyperVKit

@Suite struct VMBusVersionTests {
    /// Reference §5.1: the encoding is `(major << 16) | minor`; 5.3 = 0x00050003 = 327683.
    @Test func decodesTheKernelEncoding() throws {
        let version = try #require(VMBusVersion(encoded: 327_683))
        #expect(version == VMBusVersion(major: 5, minor: 3))
        #expect(version.encoded == 0x0005_0003)
        #expect(VMBusVersion(encoded: 0x0000_000D) == VMBusVersion(major: 0, minor: 13))  // VERSION_WS2008
        #expect(VMBusVersion(encoded: 0x0002_0004) == VMBusVersion(major: 2, minor: 4))  // VERSION_WIN8
        #expect(VMBusVersion(encoded: 0x0006_0000) == VMBusVersion(major: 6, minor: 0))
    }

    /// `VERSION_INVAL` is -1 in `include/linux/hyperv.h`: no version at all.
    @Test func refusesVersionInval() {
        #expect(VMBusVersion(encoded: 0xFFFF_FFFF) == nil)
    }

    @Test func parsesAndPrintsText() {
        #expect(VMBusVersion("5.3") == VMBusVersion(major: 5, minor: 3))
        #expect(VMBusVersion("0.13")?.encoded == 0x0000_000D)
        #expect(VMBusVersion("65535.65535")?.encoded == 0xFFFF_FFFF)
        #expect(VMBusVersion(major: 4, minor: 1).description == "4.1")
    }

    @Test(arguments: [
        "", "5", "5.", ".3", "5.3.1", "-5.3", "5.-3", " 5.3", "5.3 ", "65536.0", "5.x", "5,3", "0000001.1",
    ])
    func refusesMalformedText(_ text: String) {
        #expect(VMBusVersion(text) == nil)
    }

    /// Ordering follows the encoding: 4.1 < 5.0 < 5.3 < 6.0 (reference §5.1).
    @Test func ordersByMajorThenMinor() {
        let versions = ["6.0", "4.1", "5.3", "5.0", "2.4"].compactMap(VMBusVersion.init)
        #expect(versions.sorted().map(\.description) == ["2.4", "4.1", "5.0", "5.3", "6.0"])
        #expect(VMBusVersion(major: 4, minor: 65535) < VMBusVersion(major: 5, minor: 0))
    }

    /// docs/json-schema.md: `"version": "5.3"`.
    @Test func codesAsAString() throws {
        let data = try JSONEncoder().encode(["version": VMBusVersion(major: 5, minor: 3)])
        #expect(String(decoding: data, as: UTF8.self) == #"{"version":"5.3"}"#)
        let decoded = try JSONDecoder().decode([String: VMBusVersion].self, from: data)
        #expect(decoded["version"] == VMBusVersion(major: 5, minor: 3))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([VMBusVersion].self, from: Data(#"["five"]"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([VMBusVersion].self, from: Data("[327683]".utf8))
        }
    }
}
