/// Decodes the Hyper-V and VMBus boot lines of a kernel log (reference §7) into `KernelLogFacts`.
///
/// Pure: no I/O, never traps, linear in the input. It accepts every generation of the lines
/// (6.1, 6.15+, arm64, pre-6.1), any prefix before the message (timestamps, caller ids, syslog,
/// journal, `/dev/kmsg`, `dmesg -x`), CRLF line ends, and a line a mail client wrapped (rejoined
/// with up to two following lines, `>` quoting removed). The last occurrence of a message wins.
public enum KernelLogParser {
    /// Diagnostics kept at most; a log full of junk should not produce a megabyte of warnings.
    static let maxDiagnostics = 50

    public static func parse(_ lines: [String]) -> KernelLogFacts {
        let log = KernelLogLines(lines)
        var builder = KernelLogFactsBuilder()
        for (line, length) in log.truncated {
            builder.diagnose(
                "line \(line): \(length) bytes long; only the first \(KernelLogLines.maxLineBytes) were read")
        }
        var index = 0
        while index < log.lines.count {
            guard let recognized = KernelLogRecognizer.recognize(log.lines, at: index) else {
                index += 1
                continue
            }
            do {
                builder.apply(try KernelLogEvent(recognized), line: index, text: recognized.text)
                for repair in repairs(recognized, line: index + 1) { builder.diagnose(repair) }
            } catch {
                builder.diagnose("line \(index + 1): \(error.reason); ignored `\(recognized.text.prefix(200))`")
            }
            index += 1 + recognized.continuationLines
        }
        return builder.finish()
    }

    /// What was assumed to read a line (issue 13: a repair is always said): lines joined back
    /// together, and numbers `%d` printed negative, read as two's complement.
    static func repairs(_ recognized: RecognizedLine, line: Int) -> [String] {
        var said: [String] = []
        if recognized.continuationLines > 0 {
            let joined =
                recognized.continuationLines == 1 ? "the next line" : "the next \(recognized.continuationLines) lines"
            said.append(
                "line \(line): joined with \(joined), taken for a line a mail client wrapped: read as `\(recognized.text.prefix(200))`"
            )
        }
        let negative = recognized.captures.compactMap { capture -> String? in
            if case .number(let number) = capture, number.isNegative { return number.text }
            return nil
        }
        if !negative.isEmpty {
            said.append(
                "line \(line): \(negative.joined(separator: ", ")) printed negative by %d: read as the two's complement "
                    + "of the register field (the kernel prints the host build from int variables)")
        }
        return said
    }
}
