import HyperVKit

/// `hvctl health --format tap`: TAP as TAP 14 writes it, without subtests: `ok N - id: summary`
/// (`not ok` for a check that counts against the run), `ok N - id # SKIP why` for a skipped one,
/// `#` and `\` escaped in descriptions, and a YAML block whose details are real YAML (numbers,
/// booleans, null, lists and maps as themselves, strings double-quoted). The header says version
/// 13: Debian 12's Test::Harness 3.44 refuses "TAP version 14" ("we don't know about versions
/// later than 13"), and a TAP 14 stream without subtests is a valid TAP 13 stream.
struct HealthTAP {
    var report: HealthReport

    func render() -> String {
        var out = "TAP version 13\n1..\(report.results.count)\n"
        for (offset, result) in report.results.enumerated() {
            out += line(result, number: offset + 1)
            out += yaml(result)
        }
        out += "# status: \(report.status.rawValue)\n"
        return out
    }

    func line(_ result: HealthResult, number: Int) -> String {
        let ok = report.counts(result) ? "not ok" : "ok"
        let summary = TAP.description(result.summary)
        if result.status == .skip { return "\(ok) \(number) - \(result.id) # SKIP \(summary)\n" }
        return "\(ok) \(number) - \(result.id): \(summary)\n"
    }

    func yaml(_ result: HealthResult) -> String {
        var out = "  ---\n"
        out += "  status: \(result.status.rawValue)\n"
        out += "  severity: \(result.severity.rawValue)\n"
        out += "  found: \(result.found)\n"
        if let reason = result.skipReason { out += "  skip_reason: \(reason.rawValue)\n" }
        out += "  message: \(TAP.yamlString(result.summary))\n"
        out += TAP.yaml(key: "details", .object(result.details), indent: "  ")
        out += "  ...\n"
        return out
    }
}

enum TAP {
    /// One line, with `#` escaped as `\#` (TAP 13: a `#` in a description starts a directive).
    static func description(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\n", "\r": out += " "
            case "#": out += "\\#"
            case "\\": out += "\\\\"
            default: out.append(character)
            }
        }
        return out
    }

    /// `key: value` in YAML block style at `indent`, nested maps and lists indented two more.
    static func yaml(key: String, _ value: HealthValue, indent: String) -> String {
        let name = plainKey(key) ? key : yamlString(key)
        switch value {
        case .object(let details) where !details.isEmpty:
            var out = indent + name + ":\n"
            for entry in details.entries { out += yaml(key: entry.key, entry.value, indent: indent + "  ") }
            return out
        case .array(let items) where !items.isEmpty:
            var out = indent + name + ":\n"
            for item in items { out += yamlItem(item, indent: indent + "  ") }
            return out
        default:
            return indent + name + ": " + yamlScalar(value) + "\n"
        }
    }

    /// One `- item` of a block list; a map item starts on the dash line.
    static func yamlItem(_ value: HealthValue, indent: String) -> String {
        switch value {
        case .object(let details) where !details.isEmpty:
            var out = ""
            for (index, entry) in details.entries.enumerated() {
                let line = yaml(key: entry.key, entry.value, indent: indent + "  ")
                out += index == 0 ? indent + "- " + line.dropFirst(indent.count + 2) : line
            }
            return out
        case .array(let items) where !items.isEmpty:
            var out = indent + "-\n"
            for item in items { out += yamlItem(item, indent: indent + "  ") }
            return out
        default:
            return indent + "- " + yamlScalar(value) + "\n"
        }
    }

    /// A scalar, or an empty list or map, as YAML writes it.
    static func yamlScalar(_ value: HealthValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .number(let number):
            guard number.isFinite else { return number.isNaN ? ".nan" : (number > 0 ? ".inf" : "-.inf") }
            let text = String(number)
            return text.contains(".") || text.contains("e") ? text : text + ".0"
        case .string(let text): return yamlString(text)
        case .array: return "[]"
        case .object: return "{}"
        }
    }

    /// Keys made of letters, digits, `_`, `-` and `.` need no quotes (every details key hvctl writes);
    /// anything else (a pattern id with a colon, a number) is quoted.
    static func plainKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return key.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
                || "_-.".unicodeScalars.contains($0)
        } && !["true", "false", "null", "yes", "no", "on", "off", "y", "n"].contains(key.lowercased())
    }

    /// A YAML double-quoted scalar: always valid whatever the text holds.
    static func yamlString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += Hex.format(scalar.value, digits: 2, prefix: "\\x")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
