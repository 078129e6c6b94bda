/// A kernel format string turned into something that can match a printed line.
///
/// The patterns are written almost as the kernel's `printk` format strings (reference §7), so a
/// reader can compare them with the source line by line:
///
/// | Syntax | Matches | Stands for |
/// | --- | --- | --- |
/// | `{hv}` | `Hyper-V` or `HyperV`, any case | both spellings the kernel used (§7.3) |
/// | `{x}` | `0x1f`, `0X1F`, or a lone `0` | `0x%x`, and `%#x` which prints zero as `0` (§7.1) |
/// | `{h}` | `60001`: hex digits without `0x` | a bare `%x` (netvsc's `Negotiated NVSP version:%x`) |
/// | `{d}` | `-12`, `20348` | `%d` (signed: a register with bit 31 set prints negative) |
/// | `{w}` | a run of `[A-Za-z0-9_.-]` | `%s` names: clocksources, the APIC mode |
/// | `{g}` | a run of `[0-9A-Fa-f-]` | `%pUl` GUIDs |
/// | `{r}` | the rest of the line, trimmed, not empty | free text such as the hypervisor name |
/// | space | one or more spaces or tabs | the kernel's single space, or a re-flowed one |
/// | `~` | zero or more spaces or tabs | places where the kernel prints none (`version:%d`) |
/// | `,` `;` | themselves, after optional spaces | separators (a re-joined wrapped line may put a space before one) |
/// | anything else | itself, ASCII case-insensitively | literal text |
///
/// Matching works on bytes, so binary junk in a log cannot trip Unicode handling, and it never
/// backtracks: each token consumes greedily, which is unambiguous for these formats.
struct LogPattern: Sendable {
    enum Token: Sendable, Equatable {
        case literal(UInt8)
        case hyperV
        case hex
        case bareHex
        case decimal
        case word
        case guid
        case rest
        case spaces
        case optionalSpaces
    }

    let tokens: [Token]

    /// Compiles the syntax above. Patterns are string literals in this module, so an unknown
    /// `{…}` is a programming error; it is kept as literal text rather than trapping.
    init(_ source: String) {
        var tokens: [Token] = []
        var rest = Substring(source)
        while let first = rest.first {
            if first == "{", let close = rest.firstIndex(of: "}"),
                let token = Self.placeholder(rest[..<close].dropFirst())
            {
                tokens.append(token)
                rest = rest[rest.index(after: close)...]
                continue
            }
            switch first {
            case " ": tokens.append(.spaces)
            case "~": tokens.append(.optionalSpaces)
            case ",", ";": tokens.append(contentsOf: [.optionalSpaces, .literal(first.asciiValue ?? 0)])
            default: tokens.append(contentsOf: String(first).utf8.map { .literal(ASCII.lowercased($0)) })
            }
            rest = rest.dropFirst()
        }
        self.tokens = tokens
    }

    private static func placeholder(_ name: Substring) -> Token? {
        switch name {
        case "hv": return .hyperV
        case "x": return .hex
        case "h": return .bareHex
        case "d": return .decimal
        case "w": return .word
        case "g": return .guid
        case "r": return .rest
        default: return nil
        }
    }

    /// The first bytes (lowercased, at most three) any text this pattern matches starts with, so
    /// a line is only tried at positions that can begin a message, after a cheap comparison.
    var lead: [UInt8] {
        var lead: [UInt8] = []
        for token in tokens {
            switch token {
            case .literal(let byte): lead.append(byte)
            case .hyperV: lead.append(contentsOf: "hyp".utf8)
            default: return Array(lead.prefix(3))
            }
            if lead.count >= 3 { return Array(lead.prefix(3)) }
        }
        return lead
    }
}

/// A value a pattern captured, in the order of the placeholders.
enum LogCapture: Sendable, Equatable {
    case number(PrintedNumber)
    case text(String)
}

/// The result of matching one pattern at one position.
enum LogPatternOutcome: Sendable, Equatable {
    /// The text is not this message.
    case mismatch
    /// The text agrees with the pattern up to the end of the input: the line may have been
    /// wrapped, and joining it with the next line may complete it.
    case incomplete
    /// The pattern matched from the start position up to `end` (exclusive).
    case matched(end: Int, captures: [LogCapture], hyphenless: Bool)
}

/// ASCII helpers that never look beyond one byte.
enum ASCII {
    static func lowercased(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func hexValue(_ byte: UInt8) -> UInt64? {
        switch byte {
        case 0x30...0x39: return UInt64(byte - 0x30)
        case 0x41...0x46: return UInt64(byte - 0x41 + 10)
        case 0x61...0x66: return UInt64(byte - 0x61 + 10)
        default: return nil
        }
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (lowercased(byte) >= 0x61 && lowercased(byte) <= 0x7A) || byte == 0x5F
    }

    /// Characters of a `%s` name such as `hyperv_clocksource_tsc_page` or `x2apic`.
    static func isWordByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == 0x2D || byte == 0x2E
    }

    static func isGUIDByte(_ byte: UInt8) -> Bool { hexValue(byte) != nil || byte == 0x2D }
}
