import Testing

@testable import HyperVKit

/// The TOML pre-scan counts what toml++ would nest, and only that: strings and comments are not
/// counted, a real configuration passes. The JSON reader takes RFC 8259 numbers only.
@Suite struct ConfigLimitsTests {
    private func problem(_ text: String) -> String? {
        do {
            try TOMLLimits.check(text, file: "f.toml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aRealConfigurationPasses() {
        let text = """
            # thresholds
            [vmbus]
            min_version = "4.0"
            expected_devices = ["nic", "scsi", { class = "kvp" }]
            [channels.balance]
            max_ratio = 2.0
            [[rings]]
            note = \"\"\"
            [a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h]
            \"\"\"
            """
        #expect(problem(text) == nil)
    }

    @Test func depthCountsHeadersDottedKeysAndBrackets() {
        let dots = Array(repeating: "a", count: 33).joined(separator: ".")
        #expect(problem("[\(dots)]\n")?.hasPrefix("f.toml:1: invalid TOML: nested more than 32") == true)
        #expect(problem("x = 1\n\(dots) = 1\n")?.hasPrefix("f.toml:2:") == true)
        #expect(problem("x = " + String(repeating: "{a=", count: 33) + "1" + String(repeating: "}", count: 33)) != nil)
        #expect(problem("x = " + String(repeating: "[", count: 32) + String(repeating: "]", count: 32)) == nil)
        #expect(problem("x = " + String(repeating: "[", count: 33) + String(repeating: "]", count: 33)) != nil)
        // Inside strings and comments, brackets and dots are text.
        #expect(problem("x = \"" + String(repeating: "[", count: 100) + "\" # " + dots + "\n") == nil)
        #expect(problem("x = '" + dots + "'\n") == nil)
    }

    @Test func entriesCountKeysHeadersAndItems() {
        let keys = (0...ConfigLimits.maxEntries).map { "k\($0) = 1\n" }.joined()
        #expect(problem(keys)?.contains("more than 10000 keys and values") == true)
        let items = "x = [" + Array(repeating: "1", count: ConfigLimits.maxEntries + 1).joined(separator: ",") + "]"
        #expect(problem(items) != nil)
        #expect(problem((0..<100).map { "k\($0) = 1\n" }.joined()) == nil)
    }

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
