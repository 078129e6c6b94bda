import Foundation
import Testing

@testable import HyperVKit

/// hvctl's own JSON writer: keys in encoding order, RFC 8259 escapes, and output that a standard
/// parser reads back to the same values.
@Suite struct JSONOutputTests {
    struct Sample: Encodable {
        var zeta = 1
        var alpha = "tab\tquote\"back\\slash\u{01}é"
        var none: Int? = nil
        var list: [UInt32] = [1, 2]
        var empty: [String] = []
        var flag = true
        var nested = ["k": 0.5]

        // Synthesized on purpose: the order is the declaration order and `none`, written through
        // `encodeIfPresent`, is still a `null` key.
        enum CodingKeys: String, CodingKey { case zeta, alpha, none, list, empty, flag, nested }
    }

    @Test func keepsKeyOrderAndEscapes() throws {
        let text = try JSONOutput.render(Sample())
        #expect(
            text == """
                {
                  "zeta": 1,
                  "alpha": "tab\\tquote\\"back\\\\slash\\u0001é",
                  "none": null,
                  "list": [
                    1,
                    2
                  ],
                  "empty": [],
                  "flag": true,
                  "nested": {
                    "k": 0.5
                  }
                }

                """)
    }

    @Test func readsBackWithAStandardParser() throws {
        let text = try JSONOutput.render(Sample())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["alpha"] as? String == "tab\tquote\"back\\slash\u{01}é")
        #expect(object["none"] is NSNull)
        #expect(object["list"] as? [Int] == [1, 2])
    }

    /// Every scalar overload of `encodeIfPresent` (synthesized code calls the one for the
    /// property's type) writes `null`, not nothing.
    @Test func absentOptionalsOfEveryTypeAreNull() throws {
        struct Optionals: Encodable {
            var b: Bool? = nil
            var s: String? = nil
            var d: Double? = nil
            var f: Float? = nil
            var i: Int? = nil
            var i8: Int8? = nil
            var i16: Int16? = nil
            var i32: Int32? = nil
            var i64: Int64? = nil
            var u: UInt? = nil
            var u8: UInt8? = nil
            var u16: UInt16? = nil
            var u32: UInt32? = nil
            var u64: UInt64? = nil
            var list: [Int]? = nil
            var present: UInt16? = 7
        }
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONOutput.bytes(Optionals()))) as? [String: Any])
        #expect(object.count == 16)
        #expect(object.filter { $0.value is NSNull }.count == 15)
        #expect(object["present"] as? Int == 7)
    }

    /// The one shape that leaves keys out: a diagnostic names a path or a source, and has a hint
    /// only when there is one (docs/json-schema.md, root keys).
    @Test func diagnosticsLeaveOutWhatTheyDoNotHave() throws {
        let text = try JSONOutput.render([Diagnostic(source: .msr, message: "m")])
        #expect(
            text == """
                [
                  {
                    "source": "msr",
                    "message": "m",
                    "severity": "warning"
                  }
                ]

                """)
    }
}
