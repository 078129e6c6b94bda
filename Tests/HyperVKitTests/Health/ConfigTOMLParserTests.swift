import Foundation
import Testing

@testable import HyperVKit

/// hvctl's TOML reader against Python's tomllib (the oracle, TOML 1.0): the same value for every
/// valid document, a refusal for every invalid one, on the specification's examples, hand-written
/// edge cases and 600 generated documents; plus the limits and the lines errors name.
@Suite struct ConfigTOMLParserTests {
    static let oracle = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "tomllib-oracle.py")

    /// The canonical form the oracle prints.
    static func canonical(_ node: ConfigNode) -> String {
        switch node.value {
        case .bool(let value): return "b:\(value)"
        case .integer(let value): return "i:\(value)"
        case .float(let value): return "f:" + (value.isNaN ? "nan" : "\(value)")
        case .string(let value):
            let data = try? JSONSerialization.data(
                withJSONObject: value, options: [.fragmentsAllowed, .withoutEscapingSlashes])
            return "s:" + String(decoding: data ?? Data(), as: UTF8.self)
        case .other(let kind): return "d:\(kind)"
        case .array(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case .table(let entries):
            let parts = entries.sorted { $0.key < $1.key }.map { entry -> String in
                let data = try? JSONSerialization.data(
                    withJSONObject: entry.key, options: [.fragmentsAllowed, .withoutEscapingSlashes])
                return String(decoding: data ?? Data(), as: UTF8.self) + "=" + canonical(entry.node)
            }
            return "{" + parts.joined(separator: ",") + "}"
        }
    }

    static func ours(_ document: String) -> String {
        guard let node = try? ConfigTOMLParser.parse(document, file: "f.toml") else { return "ERROR" }
        return canonical(node)
    }

    static func python(_ arguments: [String], input: Data?) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [oracle.path] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    static func tomllib(_ documents: [String]) throws -> [String] {
        let input = try JSONSerialization.data(withJSONObject: documents)
        return try JSONSerialization.jsonObject(with: try python([], input: input)) as? [String] ?? []
    }

    static let handWritten: [String] = [
        // The specification's examples (toml.io/en/v1.0.0).
        "title = \"TOML Example\"\n[owner]\nname = \"Tom Preston-Werner\"\ndob = 1979-05-27T07:32:00-08:00\n",
        "[database]\nenabled = true\nports = [ 8000, 8001, 8002 ]\ndata = [ [\"delta\", \"phi\"], [3.14] ]\ntemp_targets = { cpu = 79.5, case = 72.0 }\n",
        "[servers]\n[servers.alpha]\nip = \"10.0.0.1\"\nrole = \"frontend\"\n[servers.beta]\nip = \"10.0.0.2\"\n",
        "fruit.apple.color = \"red\"\nfruit.apple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true\n",
        "[fruit]\napple.color = \"red\"\n[fruit.apple]\n",
        "[[fruits]]\nname = \"apple\"\n[fruits.physical]\ncolor = \"red\"\n[[fruits.varieties]]\nname = \"red delicious\"\n[[fruits]]\nname = \"banana\"\n",
        "fruits = []\n[[fruits]]\n",
        "[a]\nb = 1\n[a]\nc = 2\n",
        "a = { b = 1 }\n[a.c]\n",
        "a.b = 1\na.b.c = 2\n",
        "[x.y.z.w]\n[x]\n",
        "[a.b.c]\nz = 9\n[a]\nb.c.t = 9\n",
        "[a.b.c]\n[a]\nb.d = 1\n",
        "str = \"I'm a string. \\\"You can quote me\\\". Name\\tJos\\u00E9\\nLocation\\tSF.\"\n",
        "str1 = \"\"\"\nRoses are red\nViolets are blue\"\"\"\nstr2 = \"\"\"\\\n  The quick brown \\\n\n  fox.\\\n  \"\"\"\n",
        "s = \"\"\"Here are two quotation marks: \"\". Simple enough.\"\"\"\nt = \"\"\"\"This,\" she said, \"is just a pointless statement.\"\"\"\"\n",
        "winpath = 'C:\\Users\\nodejs\\templates'\nregex = '<\\i\\c*\\s*>'\nlines = '''\nThe first newline is\ntrimmed in raw strings.\n'''\n",
        "int1 = +99\nint2 = 42\nint3 = 0\nint4 = -17\nint5 = 1_000\nhex1 = 0xDEADBEEF\noct1 = 0o755\nbin1 = 0b11010110\n",
        "flt1 = +1.0\nflt2 = 3.1415\nflt3 = -0.01\nflt4 = 5e+22\nflt5 = 1e06\nflt6 = -2E-2\nflt7 = 6.626e-34\nflt8 = 224_617.445_991_228\nsf1 = inf\nsf2 = +inf\nsf3 = -inf\nsf4 = nan\n",
        "ld1 = 1979-05-27\nlt1 = 07:32:00\nlt2 = 00:32:00.999999\nldt1 = 1979-05-27T07:32:00\nodt = 1979-05-27 07:32:00Z\n",
        "\"quoted key\" = 1\n'literal key' = 2\n\"\" = 3\n3.14159 = \"pi\"\n",
        "a = [\n  1, # one\n  2,\n]\n",
        "key = # no value\n",
        "a = 1\na = 2\n",
        "a = \"unterminated\n",
        "[table\n",
        "a = { b = 1, }\n",
        "a = { b = 1,\n c = 2 }\n",
        "x = 0x\n", "x = 1__2\n", "x = 01\n", "x = .1\n", "x = 1.\n", "x = +0x1\n", "x = 1e\n",
        "x = 9223372036854775807\n", "x = -9223372036854775808\n",
        "x = \"\\x41\"\n", "x = \"\\uD800\"\n", "[a.\"b.c\".d]\ne = 1\n", "a = 1 b = 2\n", "= 1\n", "a.= 1\n",
        "[[a]]\n[a]\n", "[a]\n[[a]]\n", "a = [1, \"x\", 2.0, [], {}]\n", "a = true # ok\r\nb = false\r\n",
        "a = 1979-13-27\n", "a = 25:00:00\n", "a = tru\n", "a = truex\n", "\u{FEFF}a = 1\n",
    ]

    @Test func agreesWithTomllibOnHandWrittenDocuments() throws {
        let expected = try Self.tomllib(Self.handWritten)
        #expect(expected.count == Self.handWritten.count)
        for (document, oracle) in zip(Self.handWritten, expected) {
            #expect(Self.ours(document) == oracle, "\(document.debugDescription)")
        }
    }

    /// Where TOML 1.0 lets parsers differ: an integer beyond 64 bits "must" be an error if it cannot
    /// be kept losslessly; Python keeps it (big integers), hvctl refuses it.
    @Test func anIntegerBeyond64BitsIsRefused() throws {
        #expect(try Self.tomllib(["x = 9223372036854775808\n"]) != ["ERROR"])
        #expect(problem("x = 9223372036854775808\n")?.contains("is not a TOML value") == true)
    }

    @Test func agreesWithTomllibOnGeneratedDocuments() throws {
        let data = try Self.python(["--generate", "600", "20261203"], input: nil)
        let documents = try JSONSerialization.jsonObject(with: data) as? [String] ?? []
        #expect(documents.count == 600)
        let expected = try Self.tomllib(documents)
        var disagreements = 0
        for (document, oracle) in zip(documents, expected) where Self.ours(document) != oracle {
            disagreements += 1
            if disagreements <= 5 {
                Issue.record("\(document.debugDescription): ours \(Self.ours(document)), tomllib \(oracle)")
            }
        }
        #expect(disagreements == 0)
        #expect(expected.contains("ERROR") && expected.contains { $0 != "ERROR" })
    }

    private func problem(_ text: String) -> String? {
        do {
            _ = try ConfigTOMLParser.parse(text, file: "f.toml")
            return nil
        } catch {
            return error.description
        }
    }

    /// What crashed toml++: two bytes, a NUL in a header, a 160k-part header; each is one line now.
    @Test func inputsThatCrashedTheOldParser() {
        #expect(problem("[%")?.hasPrefix("f.toml:1: invalid TOML:") == true)
        #expect(problem("[\u{01}\0\0 \nve\0[v")?.hasPrefix("f.toml:1: invalid TOML:") == true)
        let deep = "[" + Array(repeating: "a", count: 160_000).joined(separator: ".") + "]\n"
        #expect(problem(deep)?.contains("nested more than 32 levels deep") == true)
        #expect(problem("x = " + String(repeating: "[", count: 50_000))?.contains("nested more than 32") == true)
        #expect(problem("x = " + String(repeating: "{a=", count: 40) + "1" + String(repeating: "}", count: 40)) != nil)
    }

    @Test func limitsAndLines() {
        let keys = (0...ConfigLimits.maxEntries).map { "k\($0) = 1\n" }.joined()
        #expect(problem(keys)?.contains("more than 10000 keys and values") == true)
        #expect(problem((0..<100).map { "k\($0) = 1\n" }.joined()) == nil)
        #expect(problem("a = 1\n\n# c\nb = \"\"\"\nx\n\"\"\"\nc = \n")?.hasPrefix("f.toml:7:") == true)
        #expect(problem("a = 1\na = 2\n")?.hasPrefix("f.toml:2: invalid TOML: a is defined twice") == true)
    }

    /// Every value remembers the line of its key, as the decoder's messages need.
    @Test func valuesCarryTheirKeysLine() throws {
        let node = try ConfigTOMLParser.parse(
            "# x\n[vmbus]\nmin_version = \"4.0\"\n\n[channels.balance]\nmax_ratio = 2\n", file: "f")
        guard case .table(let top) = node.value, case .table(let vmbus) = top[0].node.value,
            case .table(let channels) = top[1].node.value, case .table(let balance) = channels[0].node.value
        else {
            Issue.record("unexpected shape")
            return
        }
        #expect(top.map(\.key) == ["vmbus", "channels"])
        #expect(vmbus[0].node.line == 3 && top[0].node.line == 2)
        #expect(balance[0].node.line == 6)
    }
}
