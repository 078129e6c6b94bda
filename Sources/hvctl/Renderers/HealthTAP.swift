import HyperVKit

/// `hvctl health --format tap`: TAP version 13. `ok`/`not ok` per check (not ok for a check that
/// counts against the run), `# SKIP reason` for a skipped one, and a YAML block with the severity,
/// the status and the details. Descriptions never hold `#` unescaped (TAP's directive marker).
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
        return "\(ok) \(number) - \(result.id) \(summary)\n"
    }

    func yaml(_ result: HealthResult) -> String {
        var out = "  ---\n"
        out += "  status: \(result.status.rawValue)\n"
        out += "  severity: \(result.severity.rawValue)\n"
        out += "  found: \(result.found)\n"
        out += "  message: \(TAP.yamlString(result.summary))\n"
        if !result.details.isEmpty {
            out += "  details:\n"
            for entry in result.details.entries {
                out += "    \(TAP.yamlString(entry.key)): \(TAP.yamlString(entry.value.inline))\n"
            }
        }
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
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
