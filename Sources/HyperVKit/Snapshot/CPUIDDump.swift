/// Raw CPUID in the `cpuid -r` format of Todd Allen's `cpuid` tool, which `cpuid -f FILE` reads back.
///
/// ```
/// CPU 0:
///    0x40000000 0x00: eax=0x4000000c ebx=0x7263694d ecx=0x666f736f edx=0x76482074
/// ```
/// A `CPU:` header without a number is CPU 0. Unknown leaves are kept, not rejected
/// (snapshot-format.md).
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
        var dump = CPUIDDump()
        var current: Int?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty { continue }
            if line.hasPrefix("CPU") && line.hasSuffix(":") {
                let number = line.dropFirst(3).dropLast().trimmingWhitespace()
                if number.isEmpty {
                    current = 0
                } else if let cpu = Int(number), cpu >= 0, cpu < 65536 {
                    current = cpu
                } else {
                    return .failure(.invalid("line \(index + 1): bad CPU header \"\(line)\""))
                }
                continue
            }
            guard let entry = parseLeafLine(line) else {
                return .failure(.invalid("line \(index + 1): not a cpuid -r line: \"\(line.prefix(60))\""))
            }
            dump.cpus[current ?? 0, default: [:]][entry.key] = entry.registers
        }
        return .success(dump)
    }

    /// `0x40000000 0x00: eax=0x... ebx=0x... ecx=0x... edx=0x...`
    static func parseLeafLine(_ line: Substring) -> (key: Key, registers: CPUIDRegisters)? {
        let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 6, parts[1].hasSuffix(":") else { return nil }
        guard let leaf = parseHex32(parts[0]), let subleaf = parseHex32(parts[1].dropLast()) else { return nil }
        var values: [UInt32] = []
        for (part, name) in zip(parts[2...], ["eax=", "ebx=", "ecx=", "edx="]) {
            guard part.hasPrefix(name), let value = parseHex32(part.dropFirst(4)) else { return nil }
            values.append(value)
        }
        let registers = CPUIDRegisters(eax: values[0], ebx: values[1], ecx: values[2], edx: values[3])
        return (Key(leaf: leaf, subleaf: subleaf), registers)
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
public func hex32(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}

/// `0x%02x` (wider values keep all their digits)
func hex8(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 2 - digits.count)) + digits
}

/// `0x%016x`
public func hex64(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 16 - digits.count)) + digits
}
