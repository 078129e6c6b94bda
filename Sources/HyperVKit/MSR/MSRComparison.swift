/// Values that differ between CPUs (reference §2.1 "Scope"): per-VP registers are meant to
/// (VP_INDEX, the SynIC and VP-assist page addresses), partition-wide ones are not. Counters that
/// move between two reads (VP_RUNTIME, TIME_REF_COUNT, STIMERn_COUNT) are left out.
public enum MSRComparison {
    public static func differences(_ cpus: [CPUMSRReadings]) -> [MSRDifference] {
        guard cpus.count > 1, let first = cpus.first else { return [] }
        var result: [MSRDifference] = []
        for reading in first.readings {
            guard let msr = reading.msr, !msr.isVolatile else { continue }
            var groups: [(value: UInt64, cpus: [Int])] = []
            for cpu in cpus {
                guard let value = cpu.reading(msr.index)?.value else { continue }
                if let position = groups.firstIndex(where: { $0.value == value }) {
                    groups[position].cpus.append(cpu.cpu)
                } else {
                    groups.append((value, [cpu.cpu]))
                }
            }
            guard groups.count > 1 else { continue }
            result.append(difference(msr, groups))
        }
        return result
    }

    static func difference(_ msr: SyntheticMSR, _ groups: [(value: UInt64, cpus: [Int])]) -> MSRDifference {
        switch msr.scope {
        case .perVP:
            let note =
                msr.index == CPUInventory.vpIndexMSR && groups.contains(where: { $0.cpus.count > 1 })
                ? "two CPUs report the same VP index: the CPU-to-VP map is wrong"
                : "per VP: each virtual processor has its own"
            return MSRDifference(msr: msr, groups: groups, expected: !note.hasPrefix("two"), note: note)
        case .partition:
            return MSRDifference(
                msr: msr, groups: groups, expected: false, note: "partition-wide: every CPU should read the same value")
        case .unstated:
            return MSRDifference(
                msr: msr, groups: groups, expected: false, note: "the reference states no scope: differs between CPUs")
        }
    }
}
