/// `vmbus.version`: the negotiated VMBus protocol is at least the configured minimum.
enum VMBusVersionCheck {
    static let check = HealthCheck(
        id: "vmbus.version", severity: .fail, title: "VMBus protocol version",
        reason: "What the guest may do depends on the negotiated version (reference §5.3): 4.0 for hv_sock, 4.1 "
            + "to move channel interrupts, 5.2 in isolated VMs. The version is hvctl vmbus version's: the "
            + "kernel log's \"Vmbus version\" line, the only place it is published (§5.2), or the inference "
            + "from the host build. Default minimum 4.0 (WS2016): Linux is dropping 2.4 and 3.0 (§5.1).",
        inputs: [.vmbusVersion], evaluate: evaluate)

    static func evaluate(_ facts: HealthFacts, _ configuration: HealthConfiguration) -> HealthFinding {
        if let skip = facts.notHyperV { return skip }
        guard let report = facts.vmbusVersion else { return .skip("the VMBus version was not read", .unavailable) }
        let minimum = configuration.minimumVMBusVersion
        let details: HealthDetails = [
            "version": .string(report.version?.description), "source": .string(report.source?.rawValue),
            "minimum": .string(minimum.description), "max_version": .string(report.maxVersion?.description),
            "host_vmbus_version": .string(report.hostVMBusVersion?.description),
        ]
        guard report.applicable else {
            return .problem("no VMBus: hv_vmbus is not loaded (or not built into this kernel)", details)
        }
        guard let version = report.version else {
            let why = report.reasoning.last ?? "no source"
            if facts.vmbusConnectFailed { return .problem("VMBus did not connect: \(why)", details) }
            return .caution("VMBus version unknown: \(why)", details)
        }
        let source = report.source == .inferred ? "inferred from the host build" : "kernel log"
        guard version >= minimum else {
            return .problem("VMBus \(version) (\(source)) is older than the required \(minimum)", details)
        }
        return .pass("VMBus \(version) (\(source)), at least \(minimum)", details)
    }
}

extension HealthFacts {
    /// The kernel log says VMBus did not connect: no version was agreed, or an isolated VM refused
    /// the host's (§5.2).
    var vmbusConnectFailed: Bool {
        logFacts?.vmbusConnectFailed == true || logFacts?.vmbusIsolationVersionRejected != nil
    }
}
