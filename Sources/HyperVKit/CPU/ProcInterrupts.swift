/// `/proc/interrupts`: per-CPU interrupt counts (`arch/x86/kernel/irq.c`, `kernel/irq/proc.c`).
/// The header names the CPU columns (`CPU0 CPU1 …`, online CPUs only); each row is a name, a colon,
/// one count per column, then a description.
public struct ProcInterrupts: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var name: String
        /// CPU number → count.
        public var counts: [Int: UInt64]
        public var description: String
    }

    /// The CPU numbers of the columns, in order.
    public var cpus: [Int]
    public var rows: [Row]

    public static let path = "/proc/interrupts"

    /// The CPU numbers of the header alone (the online CPUs), without parsing the rows.
    public static func cpus(_ text: String) -> [Int]? {
        guard let header = text.split(separator: "\n", maxSplits: 1).first else { return nil }
        let words = header.split(separator: " ", omittingEmptySubsequences: true)
        let cpus = words.compactMap { word -> Int? in word.hasPrefix("CPU") ? Int(word.dropFirst(3)) : nil }
        return cpus.isEmpty || cpus.count != words.count ? nil : cpus
    }

    /// Parses the text; rows that do not fit the header are skipped, so one odd line never hides
    /// the rest.
    public static func parse(_ text: String) -> ProcInterrupts? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { return nil }
        let header = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: true)
        let cpus = header.compactMap { word -> Int? in word.hasPrefix("CPU") ? Int(word.dropFirst(3)) : nil }
        guard !cpus.isEmpty, cpus.count == header.count else { return nil }
        var rows: [Row] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingWhitespace()
            var words = line[line.index(after: colon)...].split(separator: " ", omittingEmptySubsequences: true)[...]
            var counts: [Int: UInt64] = [:]
            for cpu in cpus {
                guard let word = words.first, let count = UInt64(word) else { break }
                counts[cpu] = count
                words = words.dropFirst()
            }
            rows.append(Row(name: String(name), counts: counts, description: words.joined(separator: " ")))
        }
        return ProcInterrupts(cpus: cpus, rows: rows)
    }

    /// VMBus interrupts per CPU: the x86 `HYP` row ("Hypervisor callback interrupts", vector 0xF3,
    /// every channel together) or, on arm64, the per-CPU IRQ named "Hyper-V VMbus" (reference §3.8).
    public var vmbusInterrupts: [Int: UInt64]? {
        if let hyp = rows.first(where: { $0.name == "HYP" }) { return hyp.counts }
        return rows.first { $0.description.hasSuffix("Hyper-V VMbus") }?.counts
    }
}

extension ProcInterrupts {
    /// The machine's VMBus interrupts per CPU; nil (and a diagnostic unless the file is absent)
    /// when they cannot be read or the file has no VMBus row.
    public static func readVMBusInterrupts(_ machine: any Machine) -> ([Int: UInt64]?, [Diagnostic]) {
        switch machine.text(at: path) {
        case .success(let text):
            if let counts = parse(text)?.vmbusInterrupts { return (counts, []) }
            return (nil, [Diagnostic(path: path, message: "\(path) has no VMBus (HYP) row")])
        case .failure(.absent): return (nil, [])
        case .failure(let failure): return (nil, [.read(path, failure)])
        }
    }

    public static let sources: [MachineSource] = [
        MachineSource(
            path, .text, optional: true, redaction: .none, reader: "ProcInterrupts",
            why: "per-CPU interrupt counts (the HYP line is VMBus), and the CPU list when sysfs is missing")
    ]
}
