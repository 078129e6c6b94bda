import Testing

@testable import HyperVKit

/// The JSON reader takes RFC 8259 numbers only.
@Suite struct ConfigJSONParserTests {
    @Test(arguments: ["-0123", "0123", "+1", "1.", ".5", "1e", "1.2.3", "12abc", "-", "0x10"])
    func strictJSONNumbers(_ text: String) {
        #expect(throws: HealthConfigError.self) { try ConfigJSONParser.parse("{\"a\": \(text)}", file: "f.json") }
    }

    @Test func validJSONNumbers() throws {
        for (text, value) in [("0", 0.0), ("-12", -12), ("1.5", 1.5), ("2e3", 2000), ("-0.25E-2", -0.0025)] {
            let node = try ConfigJSONParser.parse("{\"a\": \(text)}", file: "f.json")
            guard case .table(let entries) = node.value, let first = entries.first else {
                Issue.record("not a table")
                continue
            }
            switch first.node.value {
            case .integer(let number): #expect(Double(number) == value, "\(text)")
            case .float(let number): #expect(number == value, "\(text)")
            default: Issue.record("\(text) is not a number")
            }
        }
    }
}
