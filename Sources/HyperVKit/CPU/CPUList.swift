/// A set of Linux CPU numbers in the kernel's list format (`0-3,7`), as in
/// `/sys/devices/system/cpu/{possible,present,online,offline}` (`%*pbl`, kernel `bitmap_print_to_pagebuf`).
public struct CPUList: Sendable, Hashable, CustomStringConvertible {
    public private(set) var cpus: [Int]

    /// CPU numbers above this are refused: Hyper-V allows 2048 VPs on x86 (reference §6.4) and the
    /// kernel's NR_CPUS is at most 8192.
    public static let maximumCPU = 8191

    public init(_ cpus: [Int]) {
        self.cpus = Array(Set(cpus)).sorted()
    }

    /// Parses `0-3,7` (and an empty line for an empty set). Nil for anything malformed.
    public init?(parsing text: String) {
        let trimmed = text.trimmingWhitespace()
        var cpus: [Int] = []
        if trimmed.isEmpty {
            self.init([])
            return
        }
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count == 1 || bounds.count == 2, cpus.count <= CPUList.maximumCPU,
                let low = CPUList.number(bounds[0]), let high = bounds.count == 2 ? CPUList.number(bounds[1]) : low,
                low <= high
            else { return nil }
            cpus.append(contentsOf: low...high)
        }
        self.init(cpus)
    }

    public func contains(_ cpu: Int) -> Bool { cpus.contains(cpu) }

    public var count: Int { cpus.count }

    public var isEmpty: Bool { cpus.isEmpty }

    /// The kernel's compact form: `0-3,7`.
    public var description: String {
        var parts: [String] = []
        var index = 0
        while index < cpus.count {
            var end = index
            while end + 1 < cpus.count && cpus[end + 1] == cpus[end] + 1 { end += 1 }
            parts.append(end == index ? "\(cpus[index])" : "\(cpus[index])-\(cpus[end])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }

    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.allSatisfy(\.isASCII), let value = Int(text), value >= 0, value <= maximumCPU else {
            return nil
        }
        return value
    }
}
