/// `kernel_log.errors`: the Hyper-V drivers logged no errors.
enum KernelLogErrorsCheck {
    /// Lines kept in `details`; the count covers them all.
    static let maxListed = 20

    static let check = HealthCheck(
        id: "kernel_log.errors", severity: .warn, title: "No errors from the Hyper-V drivers",
        reason: "Errors the hv_* drivers print (VMBus connection and offers, storvsc I/O, netvsc send and open, "
            + "balloon, integration services) are often the first trace of a host problem. The patterns are "
            + "6.1 format strings (KernelLogErrorPatterns, with their files). The log keeps lines until its ring "
            + "buffer wraps, so an old error stays: a warning, not a failure. Skipped when the log cannot be read "
            + "(kernel.dmesg_restrict: run as root).",
        inputs: [.kernelLog], evaluate: evaluate)

    static func evaluate(_ facts: HealthFacts, _ configuration: HealthConfiguration) -> HealthFinding {
        if let skip = facts.notHyperV { return skip }
        let lines: [String]
        switch facts.kernelLog {
        case .success(let read): lines = read
        case .failure(let failure):
            return .skip(
                failure.message + (failure.hint.map { " (hint: \($0))" } ?? ""),
                failure.kind == .permissionDenied ? .permission : .unavailable)
        case .none: return .skip("the kernel log was not read", .unavailable)
        }
        var matches: [(line: Int, pattern: KernelLogErrorPattern, text: String)] = []
        for (number, line) in lines.enumerated() {
            var text = line
            let pattern = text.withUTF8 { bytes in
                // Every pattern names a Hyper-V driver ("hv_…"): most lines are ruled out by one memchr.
                ByteSearch.find(KernelLogErrorPatterns.commonPrefix, in: bytes, from: 0) == nil
                    ? nil : KernelLogErrorPatterns.all.first { $0.matches(bytes: bytes) }
            }
            if let pattern { matches.append((number + 1, pattern, line)) }
        }
        var counts: [(id: String, meaning: String, count: Int)] = []
        for match in matches {
            if let index = counts.firstIndex(where: { $0.id == match.pattern.id }) {
                counts[index].count += 1
            } else {
                counts.append((match.pattern.id, match.pattern.meaning, 1))
            }
        }
        let details: HealthDetails = [
            "lines_scanned": .int(lines.count), "errors": .int(matches.count),
            "by_pattern": .object(HealthDetails(counts.map { ($0.id, .int($0.count)) })),
            "lines": .array(
                matches.prefix(maxListed).map { .object(["line": .int($0.line), "text": .string($0.text)]) }),
        ]
        guard matches.isEmpty else {
            let kinds = counts.map { $0.count > 1 ? "\($0.meaning) (\($0.count))" : $0.meaning }
            return .problem(
                "\(HealthWording.count(matches.count, "error line")): " + HealthWording.list(kinds), details)
        }
        return .pass("no errors from the Hyper-V drivers in \(HealthWording.count(lines.count, "line"))", details)
    }
}
