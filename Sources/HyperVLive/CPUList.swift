/// The kernel's CPU list format, as in /sys/devices/system/cpu/online: `0-3,7`, or an empty line for
/// no CPU (`offline` on a machine with all CPUs online).
///
/// sysfs prints these with `%*pbl` (`bitmap_print_to_pagebuf`, lib/bitmap.c), which writes only single
/// numbers and `a-b` ranges; the `a-b:used/group` form `bitmap_parselist` also accepts is never printed
/// and is refused here. Kept local to HyperVLive for now (one reader needs it).
enum CPUList {
    /// More CPUs than any kernel supports (x86 NR_CPUS is at most 8192): a list naming more is refused
    /// rather than expanded into a huge array.
    static let maximumCPU = 65_535

    /// The CPUs in `text`, ascending and without duplicates; nil when it is not a CPU list.
    static func parse(_ text: String) -> [Int]? {
        let trimmed = text.filter { !$0.isWhitespace }
        if trimmed.isEmpty { return [] }
        var cpus = Set<Int>()
        for item in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            guard let range = parseItem(item) else { return nil }
            cpus.formUnion(range)
        }
        return cpus.sorted()
    }

    /// One `n` or `a-b` item.
    private static func parseItem(_ item: Substring) -> ClosedRange<Int>? {
        let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 1 || bounds.count == 2 else { return nil }
        var numbers: [Int] = []
        for bound in bounds {
            guard !bound.isEmpty, bound.allSatisfy(\.isASCII), bound.allSatisfy(\.isNumber),
                let number = Int(bound), number <= maximumCPU
            else { return nil }
            numbers.append(number)
        }
        guard let first = numbers.first, let last = numbers.last, first <= last else { return nil }
        return first...last
    }
}
