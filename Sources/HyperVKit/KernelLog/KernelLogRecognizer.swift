/// A line (or a wrapped line put back together) that holds a known message.
struct RecognizedLine: Sendable, Equatable {
    var message: KernelLogMessage
    var captures: [LogCapture]
    /// `HyperV` rather than `Hyper-V` (tells the oldest feature line apart, reference §7.3).
    var hyphenless: Bool
    /// The message from its first character to the end of the line, prefixes stripped.
    var text: String
    /// How many following lines were joined to complete it (0, 1 or 2).
    var continuationLines: Int
}

/// Finds the message in a line, whatever precedes it.
///
/// Logs arrive with `[    0.000000] ` stamps, `[    T1] `/`[    C1] ` caller ids, syslog and
/// journal prefixes (`Nov 26 01:47:30 host kernel: `), `/dev/kmsg` records (`6,123,456,-;`),
/// `dmesg -x` facility columns (`kern  :info  : `) or mail quoting. Rather than knowing each
/// prefix, the recognizer tries the known messages at every position that can start one and
/// takes the leftmost match (the longest one there, so `features …, hints …, misc …` beats its
/// two-field prefix).
enum KernelLogRecognizer {
    /// Lines joined at most to a wrapped line (a mail client wraps a 90-character line once or twice).
    static let maxContinuationLines = 2

    /// The message at `index`, joining it with up to two following lines when it is a known
    /// message cut short (a line a mail client wrapped).
    static func recognize(_ lines: [[UInt8]], at index: Int) -> RecognizedLine? {
        let first = lines[index]
        let base = scan(first)
        if base.sawIncomplete {
            var joined = first
            for extra in 1...maxContinuationLines where index + extra < lines.count {
                joined.append(0x20)
                joined.append(contentsOf: KernelLogLines.continuation(lines[index + extra]))
                let attempt = scan(joined)
                if let found = attempt.found, found.start < first.count, found.end > first.count {
                    return recognized(found, in: joined, continuationLines: extra)
                }
                if !attempt.sawIncomplete { break }
            }
        }
        return base.found.map { recognized($0, in: first, continuationLines: 0) }
    }

    private struct Found {
        var message: KernelLogMessage
        var start: Int
        var end: Int
        var captures: [LogCapture]
        var hyphenless: Bool
    }

    private struct Scan {
        var found: Found?
        /// Some message ran out of input at or before the match (a join may complete it).
        var sawIncomplete = false
    }

    /// The leftmost, then longest, complete match in `bytes`.
    private static func scan(_ bytes: [UInt8]) -> Scan {
        var result = Scan()
        let table = KernelLogMessage.byLeadingByte
        var start = 0
        while start < bytes.count {
            let groups = table[Int(bytes[start])]
            var index = 0
            while index < groups.count {
                if groups[index].isLead(of: bytes, at: start) { scan(bytes, at: start, groups[index], into: &result) }
                index += 1
            }
            if result.found != nil { return result }
            start += 1
        }
        return result
    }

    /// Tries one group's patterns at `start`, keeping the longest complete match.
    private static func scan(
        _ bytes: [UInt8], at start: Int, _ group: KernelLogMessage.LeadGroup, into result: inout Scan
    ) {
        var hyperV: LogPattern.HyperVMatch?
        if group.startsWithHyperV {
            switch LogPattern.matchHyperV(bytes, at: start) {
            case .success(let match): hyperV = match
            case .failure(let mismatch):
                if mismatch.ranOut { result.sawIncomplete = true }
                return
            }
        }
        var index = 0
        while index < group.patterns.count {
            let (message, pattern) = group.patterns[index]
            index += 1
            switch pattern.match(bytes, at: start, hyperV: hyperV) {
            case .mismatch:
                continue
            case .incomplete:
                result.sawIncomplete = true
            case .matched(let end, let captures, let hyphenless):
                if let best = result.found, best.end >= end { continue }
                result.found = Found(
                    message: message, start: start, end: end, captures: captures, hyphenless: hyphenless)
            }
        }
    }

    private static func recognized(_ found: Found, in bytes: [UInt8], continuationLines: Int) -> RecognizedLine {
        RecognizedLine(
            message: found.message, captures: found.captures, hyphenless: found.hyphenless,
            text: String(decoding: bytes[found.start...], as: UTF8.self), continuationLines: continuationLines)
    }
}
