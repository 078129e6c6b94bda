import HyperVKit

/// `hvctl health --format junit`: one `<testsuite>`, one `<testcase>` per check. A check that
/// counts against the run (failed, or warned with --fail-on warn) gets `<failure>`; a skipped one
/// `<skipped>`. Attribute values and text are escaped for XML 1.0, and characters XML 1.0 cannot
/// hold at all (control characters from a garbled log) are replaced.
struct HealthJUnit {
    var report: HealthReport

    func render() -> String {
        let failures = report.results.filter { report.counts($0) }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuite name=\"hvctl health\" tests=\"\(report.results.count)\" failures=\"\(failures)\" errors=\"0\" "
            + "skipped=\"\(report.count(.skip))\" time=\"0\">\n"
        out += "  <properties>\n"
        for (name, value) in [
            ("origin", report.origin), ("status", report.status.rawValue), ("fail_on", report.failOn.rawValue),
            ("hvctl_version", HVCtl.version),
        ] {
            out += "    <property name=\"\(name)\" value=\"\(XML.escape(value))\"/>\n"
        }
        out += "  </properties>\n"
        for result in report.results { out += testcase(result) }
        out += "</testsuite>\n"
        return out
    }

    func testcase(_ result: HealthResult) -> String {
        var out = "  <testcase classname=\"hvctl.health\" name=\"\(XML.escape(result.id))\" time=\"0\">\n"
        out += properties(result)
        let message = XML.escape("\(result.status.rawValue): \(result.summary)")
        if report.counts(result) {
            out += "    <failure type=\"\(result.severity.rawValue)\" message=\"\(message)\">"
            out += XML.escape(body(result)) + "</failure>\n"
        } else if result.status == .skip {
            out += "    <skipped message=\"\(message)\"/>\n"
        }
        out += "    <system-out>" + XML.escape(body(result)) + "</system-out>\n"
        out += "  </testcase>\n"
        return out
    }

    /// The check's findings as test-case properties, the way JUnit consumers (Jenkins, junitparser,
    /// GitLab) read them: each value is text, a number or a flag written as itself (`3`, `true`,
    /// never `"3"`), a list or map as compact JSON, null as an empty value; detail keys are
    /// prefixed `details.` so they cannot collide with `status` and the other fixed names.
    func properties(_ result: HealthResult) -> String {
        var entries: [(String, String)] = [
            ("status", result.status.rawValue), ("severity", result.severity.rawValue),
            ("found", result.found ? "true" : "false"),
        ]
        if let reason = result.skipReason { entries.append(("skip_reason", reason.rawValue)) }
        entries += result.details.entries.map { ("details." + $0.key, Self.propertyText($0.value)) }
        var out = "    <properties>\n"
        for (name, value) in entries {
            out += "      <property name=\"\(XML.escape(name))\" value=\"\(XML.escape(value))\"/>\n"
        }
        return out + "    </properties>\n"
    }

    static func propertyText(_ value: HealthValue) -> String {
        switch value {
        case .null: return ""
        case .string(let text): return text
        case .bool, .int, .number: return value.inline
        case .array, .object: return json(value)
        }
    }

    /// Compact JSON, keys in the order the check wrote them.
    static func json(_ value: HealthValue) -> String {
        switch value {
        case .null: return "null"
        case .bool, .int, .number: return value.inline
        case .string(let text): return jsonString(text)
        case .array(let items): return "[" + items.map(json).joined(separator: ",") + "]"
        case .object(let details):
            return "{" + details.entries.map { jsonString($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
        }
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20:
                out += Hex.format(scalar.value, digits: 4, prefix: "\\u")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Summary, title and reason, one per line (the details are the properties).
    func body(_ result: HealthResult) -> String {
        var lines = [
            "\(result.status.rawValue): \(result.summary)",
            "check: \(result.title) (severity \(result.severity.rawValue))",
            "why: \(result.reason)",
        ]
        return lines.joined(separator: "\n")
    }
}

/// XML 1.0 escaping.
enum XML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case "\r": out += "&#13;"
            case _ where !allowed(scalar): out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// XML 1.0's Char production: no C0 controls but tab, newline and return; no U+FFFE, U+FFFF.
    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
