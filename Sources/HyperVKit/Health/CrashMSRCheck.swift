/// `msr.crash_enabled`: a guest panic will be reported to the host.
enum CrashMSRCheck {
    static let index: UInt32 = 0x4000_0105

    static let check = HealthCheck(
        id: "msr.crash_enabled", severity: .warn, title: "Guest crash reporting",
        reason: "With the guest crash MSRs (0x40000003 EDX[10]) Linux writes the panic registers and sets "
            + "CRASH_CTL's CrashNotify at panic, so the host records the crash; with CrashMessage it also hands "
            + "the host the tail of the kernel log (reference §2.2, drivers/hv/hv_common.c). A CRASH_CTL read "
            + "returns what the host supports: without CrashNotify a panic leaves no record with the host. "
            + "Skipped when CRASH_CTL cannot be read or the host offers no crash MSRs.",
        inputs: [.msr], evaluate: evaluate)

    static func evaluate(_ facts: HealthFacts, _ configuration: HealthConfiguration) -> HealthFinding {
        if let skip = facts.notHyperV { return skip }
        if facts.architecture == .x86_64, facts.privileges.feature(10) == false {
            return .skip("the host offers no guest crash MSRs (0x40000003 EDX[10] clear)", .notApplicable)
        }
        let reading: MSRReading
        switch MSRFacts.reading(index, facts: facts) {
        case .success(let read): reading = read
        case .failure(let skip): return skip.finding
        }
        guard let value = reading.value else { return .skip("CRASH_CTL was not read", .unavailable) }
        let decoded = CrashAndTSCDecoders.crashControl(value)
        let notify = decoded.flag("crash_notify") == true
        let message = decoded.flag("crash_message") == true
        let details: HealthDetails = [
            "raw": .string(hex64(value)), "crash_notify": .bool(notify), "crash_message": .bool(message),
        ]
        guard notify else {
            return .problem(
                "CRASH_CTL reads \(hex64(value)): the host takes no crash notification, a panic is not recorded",
                details)
        }
        let extra = message ? "and the panic message (kmsg dump)" : "but not the panic message (no CrashMessage)"
        return .pass("the host records a panic (CrashNotify) " + extra, details)
    }
}
