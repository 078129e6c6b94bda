import HyperVKit

/// Text as `dmesg` prints it, shared by the /dev/kmsg and syslog(2) readers so both give the same lines.
enum DmesgText {
    /// `text` with control characters other than tab and newline written as `\xHH`, as `dmesg` escapes
    /// them by default (util-linux dmesg.c `safe_fwrite()`): a log line must not drive the terminal.
    static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isEscaped(scalar) else {
                escaped.append(scalar)
                continue
            }
            escaped.append(contentsOf: Hex.format(scalar.value, digits: 2, prefix: "\\x").unicodeScalars)
        }
        return String(escaped)
    }

    private static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || scalar.value == 0x7F
    }

    /// The lines of a syslog(2) SYSLOG_ACTION_READ_ALL buffer without their `<N>` priority prefix.
    ///
    /// The kernel writes each line of each record as `<priority>[ssss.uuuuuu] text` (the stamp only
    /// with printk.time=1; `record_print_text()`, kernel/printk/printk.c), so what remains is exactly
    /// what `dmesg` prints.
    static func syslogLines<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [String] {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { line in
            escapingControls(String(decoding: droppingPriority(line), as: UTF8.self))
        }
    }

    /// `line` without a leading `<digits>`; unchanged when it has none.
    private static func droppingPriority<Line: Collection<UInt8>>(_ line: Line) -> Line.SubSequence {
        guard line.first == UInt8(ascii: "<"), let close = line.firstIndex(of: UInt8(ascii: ">")) else {
            return line[...]
        }
        let digits = line[line.index(after: line.startIndex)..<close]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return line[...]
        }
        return line[line.index(after: close)...]
    }
}
