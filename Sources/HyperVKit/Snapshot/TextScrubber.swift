/// Byte-level search and replace for redaction: network addresses and known words (host names, VM
/// names, serials), on the UTF-8 bytes of a text. Hand-written rather than a `Regex`: a capture
/// scrubs tens of thousands of attributes.
enum TextScrubber {
    /// What replaces every redacted value.
    static let replacement: [UInt8] = Array("REDACTED".utf8)

    /// What `replaceAddresses` found, by kind.
    struct AddressCounts: Equatable {
        var mac = 0
        var ipv4 = 0
        var ipv6 = 0
        var total: Int { mac + ipv4 + ipv6 }
    }

    enum AddressKind { case mac, ipv4, ipv6 }

    /// Replaces every network address in one pass (issue 12):
    /// - MAC addresses as Linux prints them (`00:15:5d:01:02:03`, `00-15-5D-01-02-03`), in Cisco's
    ///   dotted form (`0015.5d01.0203`) and as twelve bare hex digits with at least one letter and
    ///   one digit (`00155d010203`, as `ip -br link` or a cloud console may write it);
    /// - IPv4 addresses (four dotted numbers up to 255);
    /// - IPv6 addresses (eight groups, or fewer with one `::`, an embedded IPv4 tail, a `/prefix`
    ///   and `%zone`), `fe80::` link-local ones among them, which spell the MAC out.
    ///
    /// A match must stand alone: not inside a longer run of hex digits, names or numbers. So a
    /// GUID (8-4-4-4-12: its last group follows a `-`), a `0x…` register, a 32-digit modalias, a
    /// version such as `10.0.20348.2762` and a time such as `09:14:07` never match.
    static func replaceAddresses(_ bytes: [UInt8]) -> (bytes: [UInt8], counts: AddressCounts) {
        var counts = AddressCounts()
        guard bytes.count >= 7 else { return (bytes, counts) }
        var out: [UInt8] = []
        var index = 0
        var copiedUpTo = 0
        while index < bytes.count {
            let found =
                startsToken(bytes, at: index)
                ? address(bytes, at: index) : afterColon(bytes, at: index) ? ipv4(bytes, at: index) : nil
            guard let (length, kind) = found else {
                index += 1
                continue
            }
            if out.isEmpty { out.reserveCapacity(bytes.count) }
            out.append(contentsOf: bytes[copiedUpTo..<index])
            out.append(contentsOf: replacement)
            switch kind {
            case .mac: counts.mac += 1
            case .ipv4: counts.ipv4 += 1
            case .ipv6: counts.ipv6 += 1
            }
            index += length
            copiedUpTo = index
        }
        guard counts.total > 0 else { return (bytes, counts) }
        out.append(contentsOf: bytes[copiedUpTo...])
        return (out, counts)
    }

    /// An address may only start where a token starts: not after a hex digit, a name byte, a dot or
    /// a colon of the same run.
    private static func startsToken(_ bytes: [UInt8], at index: Int) -> Bool {
        let byte = bytes[index]
        guard isHex(byte) || byte == UInt8(ascii: ":") else { return false }
        guard index > 0 else { return true }
        let before = bytes[index - 1]
        return !(isNameByte(before) || before == UInt8(ascii: ".") || before == UInt8(ascii: ":"))
    }

    /// An IPv4 address may follow a `:` (`ip=10.1.2.3::192.168.10.20:…`, `host:10.0.0.1`): where an
    /// IPv6 address began before it, that address was matched whole from its start.
    private static func afterColon(_ bytes: [UInt8], at index: Int) -> Bool {
        index > 0 && bytes[index - 1] == UInt8(ascii: ":") && ASCII.isDigit(bytes[index])
    }

    /// An IPv4 address; a `:` may follow it (a port, or the next field of `ip=`), a `.` only when
    /// no digit follows (the end of a sentence, not a fifth number).
    private static func ipv4(_ bytes: [UInt8], at start: Int) -> (Int, AddressKind)? {
        guard let length = ipv4Length(bytes, at: start) else { return nil }
        let end = start + length
        if end < bytes.count {
            let after = bytes[end]
            if isNameByte(after) { return nil }
            if after == UInt8(ascii: "."), end + 1 < bytes.count, ASCII.isDigit(bytes[end + 1]) { return nil }
        }
        return (length, .ipv4)
    }

    /// The address at `start` and its length, longest form first.
    static func address(_ bytes: [UInt8], at start: Int) -> (Int, AddressKind)? {
        if isMAC(bytes, at: start) { return (17, .mac) }
        if isDottedMAC(bytes, at: start) { return (14, .mac) }
        if let length = ipv6Length(bytes, at: start) { return (length, .ipv6) }
        if let found = ipv4(bytes, at: start) { return found }
        if isBareMAC(bytes, at: start) { return (12, .mac) }
        return nil
    }

    /// Nothing of the same run follows: no hex digit, name byte, or `.`/`:` that goes on with one.
    private static func endsToken(_ bytes: [UInt8], at end: Int) -> Bool {
        guard end < bytes.count else { return true }
        let after = bytes[end]
        if isNameByte(after) { return false }
        if after == UInt8(ascii: ".") || after == UInt8(ascii: ":") {
            return end + 1 >= bytes.count || !isHex(bytes[end + 1])
        }
        return true
    }

    /// Six pairs of hex digits joined by one separator, `:` or `-`, the same throughout.
    static func isMAC(_ bytes: [UInt8], at start: Int) -> Bool {
        guard start + 17 <= bytes.count else { return false }
        let separator = bytes[start + 2]
        guard separator == 0x3A || separator == 0x2D else { return false }
        for group in 0..<6 {
            let offset = start + group * 3
            guard isHex(bytes[offset]), isHex(bytes[offset + 1]) else { return false }
            if group < 5 && bytes[offset + 2] != separator { return false }
        }
        if start > 0 && bytes[start - 1] == separator { return false }
        if start + 17 < bytes.count {
            let after = bytes[start + 17]
            if isHex(after) || isNameByte(after) || after == separator { return false }
        }
        return true
    }

    /// `0015.5daa.bbcf`: three groups of four hex digits joined by dots.
    static func isDottedMAC(_ bytes: [UInt8], at start: Int) -> Bool {
        guard start + 14 <= bytes.count else { return false }
        for group in 0..<3 {
            let offset = start + group * 5
            for digit in 0..<4 where !isHex(bytes[offset + digit]) { return false }
            if group < 2 && bytes[offset + 4] != UInt8(ascii: ".") { return false }
        }
        return endsToken(bytes, at: start + 14)
    }

    /// `00155daabbd0`: twelve hex digits standing alone, with a letter and a digit among them (a
    /// twelve-digit decimal counter is not a MAC address).
    static func isBareMAC(_ bytes: [UInt8], at start: Int) -> Bool {
        guard start + 12 <= bytes.count else { return false }
        var letters = 0
        var digits = 0
        for byte in bytes[start..<start + 12] {
            guard isHex(byte) else { return false }
            if ASCII.isDigit(byte) { digits += 1 } else { letters += 1 }
        }
        guard letters > 0, digits > 0 else { return false }
        if start > 0, bytes[start - 1] == UInt8(ascii: "x") || bytes[start - 1] == UInt8(ascii: "X") { return false }
        return endsToken(bytes, at: start + 12)
    }

    /// Four numbers of one to three digits, each at most 255, joined by dots.
    static func ipv4Length(_ bytes: [UInt8], at start: Int) -> Int? {
        var index = start
        for part in 0..<4 {
            var value = 0
            var digits = 0
            while index < bytes.count, ASCII.isDigit(bytes[index]), digits < 4 {
                value = value * 10 + Int(bytes[index] - 0x30)
                digits += 1
                index += 1
            }
            guard (1...3).contains(digits), value <= 255 else { return nil }
            if part < 3 {
                guard index < bytes.count, bytes[index] == UInt8(ascii: ".") else { return nil }
                index += 1
            }
        }
        return index - start
    }

    /// The length of an IPv6 address at `start` (with its `/prefix` and `%zone`), or nil.
    static func ipv6Length(_ bytes: [UInt8], at start: Int) -> Int? {
        var end = start
        var colons = 0
        while end < bytes.count, isHex(bytes[end]) || bytes[end] == UInt8(ascii: ":") || bytes[end] == UInt8(ascii: ".")
        {
            if bytes[end] == UInt8(ascii: ":") { colons += 1 }
            end += 1
            if end - start > 45 { return nil }
        }
        guard colons >= 2 else { return nil }
        // Shorten a run that swallowed a trailing `:` or `.` of the sentence around it.
        while end > start {
            if isIPv6(bytes[start..<end]) { break }
            let last = bytes[end - 1]
            guard last == UInt8(ascii: ":") || last == UInt8(ascii: ".") else { return nil }
            end -= 1
        }
        guard end > start, isIPv6(bytes[start..<end]) else { return nil }
        if end < bytes.count, isNameByte(bytes[end]) && bytes[end] != UInt8(ascii: "-") { return nil }
        if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "/"), ASCII.isDigit(bytes[end + 1]) {
            end += 1
            while end < bytes.count, ASCII.isDigit(bytes[end]) { end += 1 }
        } else if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "%"), isNameByte(bytes[end + 1]) {
            end += 1
            while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
        }
        return end - start
    }

    /// RFC 4291 text form: groups of one to four hex digits; eight of them, or fewer with exactly
    /// one `::`; the last two may be written as an IPv4 address. At least one digit somewhere.
    static func isIPv6(_ text: ArraySlice<UInt8>) -> Bool {
        guard text.contains(where: isHex) else { return false }
        var groups = 0
        var compressed = false
        var index = text.startIndex
        if text.starts(with: [0x3A, 0x3A]) {
            compressed = true
            index += 2
            if index == text.endIndex { return true }
        } else if text.first == 0x3A {
            return false
        }
        while index < text.endIndex {
            var digits = 0
            let groupStart = index
            while index < text.endIndex, isHex(text[index]) {
                digits += 1
                index += 1
            }
            if index < text.endIndex, text[index] == UInt8(ascii: ".") {
                // An IPv4 tail: the rest must be one.
                guard let length = ipv4Length(Array(text[groupStart...]), at: 0),
                    groupStart + length == text.endIndex
                else { return false }
                groups += 2
                index = text.endIndex
                break
            }
            guard (1...4).contains(digits) else { return false }
            groups += 1
            guard index < text.endIndex else { break }
            guard text[index] == UInt8(ascii: ":") else { return false }
            index += 1
            if index < text.endIndex, text[index] == UInt8(ascii: ":") {
                guard !compressed else { return false }
                compressed = true
                index += 1
                if index == text.endIndex { break }
            } else if index == text.endIndex {
                return false
            }
        }
        return compressed ? groups < 8 : groups == 8
    }

    /// Replaces every occurrence of each word that stands alone: not inside a longer name of
    /// letters, digits, `-` or `_` (a `.` may follow, so `web01` goes from `web01.contoso.com`
    /// too). Case is ignored, for ASCII and for every other script (`Ünïcode-VM` goes as
    /// `ünÏCODE-vm` too): words are stored folded (`fold`), and a text with non-ASCII bytes is
    /// matched on its folded form. Longer words first, so a fully qualified name goes whole.
    static func replaceWords(_ bytes: [UInt8], _ words: [[UInt8]]) -> (bytes: [UInt8], count: Int) {
        var current = bytes
        var total = 0
        var isASCII = current.allSatisfy { $0 < 0x80 }
        var folded: FoldedText?
        for word in words {
            let ranges: [Range<Int>]
            if isASCII {
                ranges = word.allSatisfy({ $0 < 0x80 }) ? asciiMatches(current, word) : []
            } else {
                if folded == nil { folded = FoldedText(current) }
                ranges = folded?.matches(word) ?? []
            }
            guard !ranges.isEmpty else { continue }
            var out: [UInt8] = []
            out.reserveCapacity(current.count)
            var copied = 0
            for range in ranges {
                out.append(contentsOf: current[copied..<range.lowerBound])
                out.append(contentsOf: replacement)
                copied = range.upperBound
            }
            out.append(contentsOf: current[copied...])
            current = out
            folded = nil
            isASCII = current.allSatisfy { $0 < 0x80 }
            total += ranges.count
        }
        return (current, total)
    }

    /// A word as it is matched: lower case, every script (`String.lowercased()`).
    static func fold(_ word: String) -> [UInt8] {
        Array(word.lowercased().utf8)
    }

    private static func asciiMatches(_ bytes: [UInt8], _ word: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index + word.count <= bytes.count {
            if matchesWord(bytes, word, at: index) {
                ranges.append(index..<index + word.count)
                index += word.count
            } else {
                index += 1
            }
        }
        return ranges
    }

    private static func matchesWord(_ bytes: [UInt8], _ word: [UInt8], at start: Int) -> Bool {
        for offset in 0..<word.count where ASCII.lowercased(bytes[start + offset]) != word[offset] { return false }
        return standsAlone(bytes, start..<start + word.count)
    }

    static func standsAlone(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        if range.lowerBound > 0 && isNameByte(bytes[range.lowerBound - 1]) { return false }
        return range.upperBound == bytes.count || !isNameByte(bytes[range.upperBound])
    }

    /// A text folded scalar by scalar, remembering where each folded byte came from, so a match
    /// in the folded text replaces the original bytes it covers.
    struct FoldedText {
        let original: [UInt8]
        var folded: [UInt8] = []
        /// For each folded byte: the original range of the scalar it belongs to.
        var origin: [Range<Int>] = []
        /// Whether a folded byte starts a scalar's folding.
        var starts: [Bool] = []

        init(_ bytes: [UInt8]) {
            original = bytes
            var offset = 0
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
                let width = UTF8.width(scalar)
                let range = offset..<min(offset + width, bytes.count)
                let lowered =
                    scalar.isASCII ? [ASCII.lowercased(UInt8(scalar.value))] : Array(String(scalar).lowercased().utf8)
                for (position, byte) in lowered.enumerated() {
                    folded.append(byte)
                    origin.append(range)
                    starts.append(position == 0)
                }
                offset += width
            }
        }

        func matches(_ word: [UInt8]) -> [Range<Int>] {
            guard !word.isEmpty, word.count <= folded.count else { return [] }
            var ranges: [Range<Int>] = []
            var index = 0
            while index + word.count <= folded.count {
                guard starts[index], folded[index..<index + word.count].elementsEqual(word),
                    index + word.count == folded.count || starts[index + word.count]
                else {
                    index += 1
                    continue
                }
                let range = origin[index].lowerBound..<origin[index + word.count - 1].upperBound
                if TextScrubber.standsAlone(original, range) {
                    ranges.append(range)
                    index += word.count
                } else {
                    index += 1
                }
            }
            return ranges
        }
    }

    static func isHex(_ byte: UInt8) -> Bool {
        ASCII.isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        ASCII.isDigit(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D
            || byte == 0x5F || byte >= 0x80
    }
}
