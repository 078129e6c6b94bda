/// Byte-level search and replace for redaction: MAC addresses and known words (host names, VM
/// names, serials), on the UTF-8 bytes of a text, ASCII case ignored. Hand-written rather than a
/// `Regex`: a capture scrubs tens of thousands of attributes.
enum TextScrubber {
    /// What replaces every redacted value.
    static let replacement: [UInt8] = Array("REDACTED".utf8)

    /// Replaces every MAC address: six pairs of hex digits joined by one separator, `:` or `-`,
    /// the same throughout (`00:15:5d:01:02:03`, `00-15-5D-01-02-03`), not part of a longer run
    /// of hex pairs (an IPv6 address, a 20-byte InfiniBand address). A GUID never matches: its
    /// groups are 8-4-4-4-12 digits. Returns the new bytes and how many were replaced.
    static func replaceMACs(_ bytes: [UInt8]) -> (bytes: [UInt8], count: Int) {
        guard bytes.count >= 17, bytes.contains(where: { $0 == 0x3A || $0 == 0x2D }) else { return (bytes, 0) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var count = 0
        var index = 0
        while index < bytes.count {
            if isMAC(bytes, at: index) {
                out.append(contentsOf: replacement)
                count += 1
                index += 17
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return (out, count)
    }

    static func isMAC(_ bytes: [UInt8], at start: Int) -> Bool {
        guard start + 17 <= bytes.count else { return false }
        let separator = bytes[start + 2]
        guard separator == 0x3A || separator == 0x2D else { return false }
        for group in 0..<6 {
            let offset = start + group * 3
            guard isHex(bytes[offset]), isHex(bytes[offset + 1]) else { return false }
            if group < 5 && bytes[offset + 2] != separator { return false }
        }
        if start > 0 {
            let before = bytes[start - 1]
            if isHex(before) || before == separator { return false }
        }
        if start + 17 < bytes.count {
            let after = bytes[start + 17]
            if isHex(after) || after == separator { return false }
        }
        return true
    }

    /// Replaces every occurrence of each word (ASCII case ignored) that stands alone: not inside a
    /// longer name of letters, digits, `-` or `_` (a `.` may follow, so `web01` goes from
    /// `web01.contoso.com` too). Longer words first, so a fully qualified name goes whole.
    static func replaceWords(_ bytes: [UInt8], _ words: [[UInt8]]) -> (bytes: [UInt8], count: Int) {
        var current = bytes
        var total = 0
        for word in words where word.count <= current.count {
            var out: [UInt8] = []
            var index = 0
            var count = 0
            while index < current.count {
                if matchesWord(current, word, at: index) {
                    out.append(contentsOf: replacement)
                    index += word.count
                    count += 1
                } else {
                    out.append(current[index])
                    index += 1
                }
            }
            if count > 0 {
                current = out
                total += count
            }
        }
        return (current, total)
    }

    private static func matchesWord(_ bytes: [UInt8], _ word: [UInt8], at start: Int) -> Bool {
        guard start + word.count <= bytes.count else { return false }
        for offset in 0..<word.count where ASCII.lowercased(bytes[start + offset]) != word[offset] { return false }
        if start > 0 && isNameByte(bytes[start - 1]) { return false }
        let end = start + word.count
        return end == bytes.count || !isNameByte(bytes[end])
    }

    static func isHex(_ byte: UInt8) -> Bool {
        ASCII.isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        ASCII.isDigit(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D
            || byte == 0x5F
    }
}
