/// The parts of `/proc/cmdline` that decide where channel interrupts may go: `isolcpus=` with its
/// flags and `nohz_full=` (Documentation/admin-guide/kernel-parameters.txt). A CPU listed by
/// `isolcpus=managed_irq,…` is not a housekeeping CPU for managed IRQs, and the kernel refuses to
/// target a VMBus channel at it (`target_cpu_store()` check 4, reference §3.4).
public struct KernelCommandLine: Sendable, Equatable {
    /// CPUs of `isolcpus=` that carry the `managed_irq` flag.
    public var managedIRQIsolated: CPUList
    /// CPUs of `isolcpus=` (any flags).
    public var isolated: CPUList
    public var nohzFull: CPUList

    public static let path = "/proc/cmdline"

    public init(
        managedIRQIsolated: CPUList = CPUList([]), isolated: CPUList = CPUList([]), nohzFull: CPUList = CPUList([])
    ) {
        self.managedIRQIsolated = managedIRQIsolated
        self.isolated = isolated
        self.nohzFull = nohzFull
    }

    /// `isolcpus=[flag,...,]<cpu-list>`: flags are the leading words that are not numbers
    /// (`nohz`, `domain`, `managed_irq`); the rest is the CPU list. The last occurrence wins, as in
    /// the kernel's parser.
    public static func parse(_ text: String) -> KernelCommandLine {
        var result = KernelCommandLine()
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            if word.hasPrefix("isolcpus=") {
                var parts = word.dropFirst("isolcpus=".count).split(separator: ",", omittingEmptySubsequences: false)[
                    ...]
                var flags: [Substring] = []
                while let first = parts.first, let character = first.first, !character.isNumber {
                    flags.append(first)
                    parts = parts.dropFirst()
                }
                let list = CPUList(parsing: parts.joined(separator: ",")) ?? CPUList([])
                result.isolated = list
                result.managedIRQIsolated = flags.contains("managed_irq") ? list : CPUList([])
            } else if word.hasPrefix("nohz_full=") {
                result.nohzFull = CPUList(parsing: String(word.dropFirst("nohz_full=".count))) ?? CPUList([])
            }
        }
        return result
    }
}

extension KernelCommandLine {
    public static let sources: [MachineSource] = [
        MachineSource(
            path, .text, optional: true, reader: "KernelCommandLine",
            why: "isolcpus, nohz_full, maxcpus and nr_cpus, which change what may be offlined")
    ]
}
