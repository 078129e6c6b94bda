/// `reference_tsc.enabled`: Linux enabled the partition's reference TSC page.
enum ReferenceTSCCheck {
    static let index: UInt32 = 0x4000_0021

    static let check = HealthCheck(
        id: "reference_tsc.enabled", severity: .warn, title: "Reference TSC page enabled",
        reason: "A healthy guest sets REFERENCE_TSC (0x40000021) bit 0 when EAX[9] grants it and it is not the "
            + "root partition (reference §2.2, §2.3; drivers/clocksource/hyperv_timer.c). Clear, the kernel runs "
            + "without the Hyper-V clock (a kernel built without CONFIG_HYPERV). Skipped when the MSR cannot be "
            + "read (root and modprobe msr on a live guest; arm64) or EAX[9] is not granted.",
        inputs: [.msr], evaluate: evaluate)

    static func evaluate(_ facts: HealthFacts, _ configuration: HealthConfiguration) -> HealthFinding {
        if let skip = facts.notHyperV { return skip }
        if facts.privileges.isRootPartition == true {
            return .skip("a root partition does not use the reference TSC page", .notApplicable)
        }
        let reading: MSRReading
        switch MSRFacts.reading(index, facts: facts) {
        case .success(let read): reading = read
        case .failure(let skip): return skip.finding
        }
        guard let value = reading.value else { return .skip("REFERENCE_TSC was not read", .unavailable) }
        let enabled = value & 1 != 0
        let details: HealthDetails = [
            "raw": .string(hex64(value)), "enabled": .bool(enabled), "page_gpa": .string(hex64(value & ~0xFFF)),
        ]
        guard enabled else {
            return .problem("REFERENCE_TSC is \(hex64(value)): the TSC page is not enabled", details)
        }
        return .pass("enabled, page \(Hex.format(value & ~0xFFF))", details)
    }
}

/// Getting one of CPU 0's MSR readings, or the skip that says why it is missing (reference §9).
enum MSRFacts {
    static func reading(_ index: UInt32, facts: HealthFacts) -> Result<MSRReading, HealthWording.SkipFinding> {
        func skip(_ text: String, _ reason: HealthSkipReason) -> Result<MSRReading, HealthWording.SkipFinding> {
            .failure(HealthWording.SkipFinding(finding: .skip(text, reason)))
        }
        if facts.architecture != .x86_64 {
            return skip("synthetic MSRs cannot be read from user space on arm64 (reference §2.5)", .notApplicable)
        }
        guard let reading = facts.msrs?.reading(index) else { return skip("MSRs were not read", .unavailable) }
        let name = reading.name
        switch reading.outcome {
        case .value: return .success(reading)
        case .notGranted:
            return skip(
                "\(name) is not granted to this partition (\(reading.msr?.gate?.description ?? "?"))", .notApplicable)
        case .unsafe(let why): return skip("\(name) is never read: \(why)", .notApplicable)
        case .failed(.absent):
            return skip("\(name) was not captured (the capture holds no value for CPU 0)", .unavailable)
        case .failed(let failure):
            let hint = reading.errorCode.flatMap(MSRDiagnostics.hint).map { " (hint: \($0))" } ?? ""
            return skip(
                "cannot read \(name) on CPU 0: \(failure)\(hint)",
                failure.isPermissionDenied ? .permission : .unavailable)
        }
    }
}
