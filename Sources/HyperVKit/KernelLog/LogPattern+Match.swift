extension LogPattern {
    /// Matches the pattern against `bytes` starting at `start`.
    ///
    /// After the last token the next byte, if any, must not continue a word or number, so
    /// `misc 0xbed7b2zz` is refused rather than read as `0xbed7b2`. Running out of input before
    /// the pattern ends is `.incomplete`, except inside `{r}` (free text is never joined with the
    /// next line).
    ///
    /// - Parameter hyperV: where a leading `{hv}` already matched at `start` (most messages begin
    ///   with it, so the recognizer matches it once per position instead of once per message).
    func match(_ bytes: [UInt8], at start: Int, hyperV: HyperVMatch? = nil) -> LogPatternOutcome {
        var cursor = LogCursor(bytes: bytes, index: start)
        // Index loops rather than iterators: this is the parser's hot path, and unoptimised
        // builds (the tests) pay heavily for generic iteration.
        var position = 0
        if let hyperV, !tokens.isEmpty, tokens[0] == .hyperV {
            cursor.index = hyperV.end
            cursor.hyphenless = hyperV.hyphenless
            position = 1
        }
        while position < tokens.count {
            let step = cursor.consume(tokens[position])
            guard step == .ok else { return step == .ranOut ? .incomplete : .mismatch }
            position += 1
        }
        if let next = cursor.peek, ASCII.isAlphanumeric(next) { return .mismatch }
        return .matched(end: cursor.index, captures: cursor.captures, hyphenless: cursor.hyphenless)
    }

    /// Where `Hyper-V` or `HyperV` ends when it starts at `start`.
    struct HyperVMatch: Equatable {
        var end: Int
        var hyphenless: Bool
    }

    /// Matches `{hv}` alone; the failure says whether the line ended inside it (a wrapped line).
    static func matchHyperV(_ bytes: [UInt8], at start: Int) -> Result<HyperVMatch, HyperVMismatch> {
        var cursor = LogCursor(bytes: bytes, index: start)
        switch cursor.consume(.hyperV) {
        case .ok: return .success(HyperVMatch(end: cursor.index, hyphenless: cursor.hyphenless))
        case .ranOut: return .failure(HyperVMismatch(ranOut: true))
        case .failed: return .failure(HyperVMismatch(ranOut: false))
        }
    }

    struct HyperVMismatch: Error, Equatable {
        var ranOut: Bool
    }
}

/// The matching state: a position in the line and what has been captured so far.
private struct LogCursor {
    enum Step: Equatable { case ok, failed, ranOut }

    let bytes: [UInt8]
    var index: Int
    var captures: [LogCapture] = []
    var hyphenless = false

    init(bytes: [UInt8], index: Int) {
        self.bytes = bytes
        self.index = index
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func consume(_ token: LogPattern.Token) -> Step {
        switch token {
        case .literal(let byte): return literal(byte)
        case .hyperV: return hyperV()
        case .hex: return hex()
        case .bareHex: return bareHex()
        case .decimal: return decimal()
        case .word: return run(ASCII.isWordByte)
        case .guid: return run(ASCII.isGUIDByte)
        case .rest: return rest()
        case .spaces: return spaces(minimum: 1)
        case .optionalSpaces: return spaces(minimum: 0)
        }
    }

    private mutating func literal(_ byte: UInt8) -> Step {
        guard let next = peek else { return .ranOut }
        guard ASCII.lowercased(next) == byte else { return .failed }
        index += 1
        return .ok
    }

    /// `Hyper-V` or `HyperV` (reference §7.3: treat them alike).
    private static let hyper: [UInt8] = Array("hyper".utf8)

    private mutating func hyperV() -> Step {
        for position in 0..<Self.hyper.count {
            let step = literal(Self.hyper[position])
            guard step == .ok else { return step }
        }
        guard let next = peek else { return .ranOut }
        hyphenless = next != UInt8(ascii: "-")
        if !hyphenless { index += 1 }
        return literal(UInt8(ascii: "v"))
    }

    private mutating func spaces(minimum: Int) -> Step {
        var count = 0
        while let next = peek, ASCII.isSpace(next) {
            index += 1
            count += 1
        }
        if count >= minimum { return .ok }
        return peek == nil ? .ranOut : .failed
    }

    /// `0x…` (any number of hex digits) or a lone `0`, which `%#x` prints for zero.
    private mutating func hex() -> Step {
        guard let first = peek else { return .ranOut }
        guard first == UInt8(ascii: "0") else { return .failed }
        index += 1
        guard let marker = peek, ASCII.lowercased(marker) == UInt8(ascii: "x") else {
            captures.append(.number(PrintedNumber(isNegative: false, magnitude: 0, text: "0")))
            return .ok
        }
        index += 1
        let digitsStart = index
        var value: UInt64? = 0
        while let next = peek, let digit = ASCII.hexValue(next) {
            value = value.flatMap { Self.accumulate($0, digit, base: 16) }
            index += 1
        }
        guard index > digitsStart else { return peek == nil ? .ranOut : .failed }
        let text = "0x" + String(decoding: bytes[digitsStart..<index], as: UTF8.self)
        captures.append(.number(PrintedNumber(isNegative: false, magnitude: value, text: text)))
        return .ok
    }

    /// A bare `%x`: hex digits without the `0x` that `0x%x` and `%#x` print.
    private mutating func bareHex() -> Step {
        let start = index
        var value: UInt64? = 0
        while let next = peek, let digit = ASCII.hexValue(next) {
            value = value.flatMap { Self.accumulate($0, digit, base: 16) }
            index += 1
        }
        guard index > start else { return peek == nil ? .ranOut : .failed }
        let text = "0x" + String(decoding: bytes[start..<index], as: UTF8.self)
        captures.append(.number(PrintedNumber(isNegative: false, magnitude: value, text: text)))
        return .ok
    }

    /// `%d`: an optional minus sign and decimal digits.
    private mutating func decimal() -> Step {
        let start = index
        let isNegative = peek == UInt8(ascii: "-")
        if isNegative { index += 1 }
        let digitsStart = index
        var value: UInt64? = 0
        while let next = peek, ASCII.isDigit(next) {
            value = value.flatMap { Self.accumulate($0, UInt64(next - 0x30), base: 10) }
            index += 1
        }
        guard index > digitsStart else { return peek == nil ? .ranOut : .failed }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        captures.append(.number(PrintedNumber(isNegative: isNegative, magnitude: value, text: text)))
        return .ok
    }

    private mutating func run(_ accepts: (UInt8) -> Bool) -> Step {
        let start = index
        while let next = peek, accepts(next) { index += 1 }
        guard index > start else { return peek == nil ? .ranOut : .failed }
        captures.append(.text(String(decoding: bytes[start..<index], as: UTF8.self)))
        return .ok
    }

    /// The rest of the line without surrounding spaces; never `.ranOut`.
    private mutating func rest() -> Step {
        var start = index
        var end = bytes.count
        while start < end, ASCII.isSpace(bytes[start]) { start += 1 }
        while end > start, ASCII.isSpace(bytes[end - 1]) { end -= 1 }
        guard end > start else { return .failed }
        captures.append(.text(String(decoding: bytes[start..<end], as: UTF8.self)))
        index = bytes.count
        return .ok
    }

    private static func accumulate(_ value: UInt64, _ digit: UInt64, base: UInt64) -> UInt64? {
        let (shifted, overflowA) = value.multipliedReportingOverflow(by: base)
        let (sum, overflowB) = shifted.addingReportingOverflow(digit)
        return overflowA || overflowB ? nil : sum
    }
}
