/// Prometheus text exposition format 0.0.4 (what node_exporter's textfile collector reads): one
/// `# HELP` and `# TYPE` per family, then its samples; label values escaped (backslash, double
/// quote, newline), HELP text escaped (backslash, newline).
struct PrometheusWriter {
    enum Kind: String {
        case counter, gauge
    }

    struct Sample {
        /// `{name="value",...}`, escaped, or empty: made once per series and shared by the families
        /// that label the same way (a large guest has thousands of channels).
        var labelText: String
        var value: Double

        init(labels: [(String, String)], value: Double) {
            self.labelText = PrometheusWriter.labelText(labels)
            self.value = value
        }

        init(labelText: String, value: Double) {
            self.labelText = labelText
            self.value = value
        }
    }

    static func labelText(_ labels: [(String, String)]) -> String {
        guard !labels.isEmpty else { return "" }
        return "{" + labels.map { "\($0.0)=\"\(escapeLabel($0.1))\"" }.joined(separator: ",") + "}"
    }

    private(set) var text = ""
    private var written: Set<String> = []

    /// Writes a family; nothing when it has no samples (an empty family says nothing useful).
    mutating func family(_ name: String, _ kind: Kind, help: String, _ samples: [Sample]) {
        guard !samples.isEmpty, !written.contains(name) else { return }
        written.insert(name)
        text += "# HELP \(name) \(PrometheusWriter.escapeHelp(help))\n"
        text += "# TYPE \(name) \(kind.rawValue)\n"
        for sample in samples {
            text += name
            text += sample.labelText
            text += " "
            text += PrometheusWriter.format(sample.value)
            text += "\n"
        }
    }

    static func escapeLabel(_ value: String) -> String {
        // Most values (GUIDs, numbers, names) need no escape.
        guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x22 || $0 == 0x0A }) else { return value }
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    static func escapeHelp(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Integers without a fraction (counters stay exact up to 2^53); other values as Swift prints a
    /// Double, which Go's ParseFloat reads; NaN and infinities as Prometheus spells them.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded() && abs(value) < 9.007_199_254_740_992e15 { return String(Int64(value)) }
        return String(value)
    }
}
