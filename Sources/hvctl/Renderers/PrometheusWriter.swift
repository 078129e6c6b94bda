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

    /// Escapes by byte, not by Character: "\r\n" is one Character in Swift and would slip past a
    /// comparison with "\n" (issue 14), leaving a raw newline that ends the sample line.
    static func escapeLabel(_ value: String) -> String {
        escape(value, quote: true)
    }

    static func escapeHelp(_ value: String) -> String {
        escape(value, quote: false)
    }

    private static func escape(_ value: String, quote: Bool) -> String {
        // Most values (GUIDs, numbers, names) need no escape.
        guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x0A || (quote && $0 == 0x22) }) else { return value }
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            switch byte {
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x22 where quote: out += [0x5C, 0x22]
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
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
