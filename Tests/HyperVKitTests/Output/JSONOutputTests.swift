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

        enum CodingKeys: String, CodingKey { case zeta, alpha, none, list, empty, flag, nested }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(zeta, forKey: .zeta)
            try container.encode(alpha, forKey: .alpha)
            try container.encode(none, forKey: .none)
            try container.encode(list, forKey: .list)
            try container.encode(empty, forKey: .empty)
            try container.encode(flag, forKey: .flag)
            try container.encode(nested, forKey: .nested)
        }
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
}
