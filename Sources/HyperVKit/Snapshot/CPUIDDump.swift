/// Raw CPUID in the `cpuid -r` format of Todd Allen's `cpuid` tool, which `cpuid -f FILE` reads back.
///
/// ```
/// CPU 0:
///    0x40000000 0x00: eax=0x4000000c ebx=0x7263694d ecx=0x666f736f edx=0x76482074
/// ```
/// A `CPU:` header without a number is CPU 0. Unknown leaves are kept, not rejected
/// (docs/snapshot-format.md).
public struct CPUIDDump: Sendable, Equatable {
    public struct Key: Sendable, Hashable, Comparable {
        public var leaf: UInt32
        public var subleaf: UInt32

        public init(leaf: UInt32, subleaf: UInt32) {
            self.leaf = leaf
            self.subleaf = subleaf
        }

        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.leaf, lhs.subleaf) < (rhs.leaf, rhs.subleaf)
        }
    }

    /// CPU number → leaf/subleaf → registers.
    public var cpus: [Int: [Key: CPUIDRegisters]]

    public init(cpus: [Int: [Key: CPUIDRegisters]] = [:]) {
        self.cpus = cpus
    }

    public func registers(leaf: UInt32, subleaf: UInt32, cpu: Int) -> CPUIDRegisters? {
        cpus[cpu]?[Key(leaf: leaf, subleaf: subleaf)]
    }

    /// Parses the text; a malformed line is an error naming its line number.
    public static func parse(_ text: String) -> Result<CPUIDDump, ReadFailure> {
        // Over UTF-8 bytes (issue 15): Character by Character, a 4-CPU dump cost 6.6 million
        // instructions, more than decoding it. A line is only made a String for an error.
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Result<CPUIDDump, ReadFailure> {
        var dump = CPUIDDump()
        var current: Int?
        var lineStart = 0
        var lineNumber = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            var start = lineStart
            var end = lineEnd
            while start < end && isBlank(bytes[start]) { start += 1 }
            while end > start && isBlank(bytes[end - 1]) { end -= 1 }
            if start == end { continue }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if line.count >= 4 && line[0] == UInt8(ascii: "C") && line[1] == UInt8(ascii: "P")
                && line[2] == UInt8(ascii: "U") && line[line.count - 1] == UInt8(ascii: ":")
            {
                let lineText = String(decoding: line, as: UTF8.self)
                let number = lineText.dropFirst(3).dropLast().trimmingWhitespace()
                if number.isEmpty {
                    current = 0
                } else if let cpu = Int(number), cpu >= 0, cpu < 65536 {
                    current = cpu
                } else {
                    return .failure(.invalid("line \(lineNumber): bad CPU header \"\(lineText)\""))
                }
                continue
            }
            guard let entry = parseLeafLine(line) else {
                let lineText = String(decoding: line, as: UTF8.self)
                return .failure(.invalid("line \(lineNumber): not a cpuid -r line: \"\(lineText.prefix(60))\""))
            }
            dump.cpus[current ?? 0, default: [:]][entry.key] = entry.registers
        }
        return .success(dump)
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    /// `0x40000000 0x00: eax=0x... ebx=0x... ecx=0x... edx=0x...`, as bytes: six fields split on
    /// spaces and tabs.
    private static func parseLeafLine(_ line: UnsafeBufferPointer<UInt8>) -> (key: Key, registers: CPUIDRegisters)? {
        var fields: [Range<Int>] = []
        fields.reserveCapacity(6)
        var index = 0
        while index < line.count {
            while index < line.count && (line[index] == UInt8(ascii: " ") || line[index] == UInt8(ascii: "\t")) {
                index += 1
            }
            guard index < line.count else { break }
            let fieldStart = index
            while index < line.count && line[index] != UInt8(ascii: " ") && line[index] != UInt8(ascii: "\t") {
                index += 1
            }
            guard fields.count < 6 else { return nil }
            fields.append(fieldStart..<index)
        }
        guard fields.count == 6, line[fields[1].upperBound - 1] == UInt8(ascii: ":") else { return nil }
        guard let leaf = parseHex(line, fields[0]), let subleaf = parseHex(line, fields[1].dropLast()) else {
            return nil
        }
        var values: [UInt32] = [0, 0, 0, 0]
        for (slot, name) in ["eax=", "ebx=", "ecx=", "edx="].enumerated() {
            let field = fields[slot + 2]
            let prefix = Array(name.utf8)
            guard field.count > 4, Array(line[field.prefix(4)]) == prefix,
                let value = parseHex(line, field.dropFirst(4))
            else { return nil }
            values[slot] = value
        }
        let registers = CPUIDRegisters(eax: values[0], ebx: values[1], ecx: values[2], edx: values[3])
        return (Key(leaf: leaf, subleaf: subleaf), registers)
    }

    /// `0x1f` or `1f` -> 31, at most eight hex digits (as `parseHex32`).
    private static func parseHex(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt32? {
        var digits = range
        if digits.count >= 2 && line[digits.lowerBound] == UInt8(ascii: "0")
            && (line[digits.lowerBound + 1] | 0x20) == UInt8(ascii: "x")
        {
            digits = digits.dropFirst(2)
        }
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        var value: UInt32 = 0
        for position in digits {
            let byte = line[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// The text `cpuid -r` would print for this dump, CPUs and leaves in ascending order.
    public func render() -> String {
        var out = ""
        for cpu in cpus.keys.sorted() {
            out += "CPU \(cpu):\n"
            for (key, regs) in (cpus[cpu] ?? [:]).sorted(by: { $0.key < $1.key }) {
                out += "   \(hex32(key.leaf)) \(hex8(key.subleaf)): eax=\(hex32(regs.eax)) ebx=\(hex32(regs.ebx))"
                out += " ecx=\(hex32(regs.ecx)) edx=\(hex32(regs.edx))\n"
            }
        }
        return out
    }
}

/// `0x1f` or `1f` → 31, for values that fit 32 bits.
func parseHex32<S: StringProtocol>(_ text: S) -> UInt32? {
    var digits = Substring(text)
    if digits.hasPrefix("0x") || digits.hasPrefix("0X") { digits = digits.dropFirst(2) }
    guard !digits.isEmpty, digits.count <= 8 else { return nil }
    return UInt32(digits, radix: 16)
}

/// `0x%08x`
public func hex32(_ value: UInt32) -> String { Hex.format(value, digits: 8) }

/// `0x%02x` (wider values keep all their digits)
func hex8(_ value: UInt32) -> String { Hex.format(value, digits: 2) }

/// `0x%016x`
public func hex64(_ value: UInt64) -> String { Hex.format(value, digits: 16) }
