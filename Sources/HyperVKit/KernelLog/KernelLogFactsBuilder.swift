/// Accumulates facts, remembering for each which line gave it, so the evidence lists only the
/// lines whose facts survived (a later occurrence replaces an earlier one).
struct KernelLogFactsBuilder {
    /// The fact a line fills; a later line filling the same slot replaces it.
    private enum Slot: Hashable {
        case message(KernelLogMessage)
        case privilege, host, vmbusVersion, pvSpinlocks
        case unknownGUID(String)
        case deviceProtocol(DeviceProtocolKind, String?)
    }

    private var facts = KernelLogFacts()
    private var sources: [Slot: (line: Int, text: String)] = [:]
    private var seenGUIDs: Set<String> = []
    private var droppedDiagnostics = 0

    mutating func diagnose(_ message: String) {
        if facts.diagnostics.count < KernelLogParser.maxDiagnostics {
            facts.diagnostics.append(message)
        } else {
            droppedDiagnostics += 1
        }
    }

    mutating func apply(_ event: KernelLogEvent, line: Int, text: String) {
        if KernelLogFactsBuilder.isHyperVLine(event) { facts.hyperVLines += 1 }
        for slot in apply(event) {
            sources[slot] = (line, text)
        }
    }

    /// Every message but a generic clocksource switch and another hypervisor's detection line.
    static func isHyperVLine(_ event: KernelLogEvent) -> Bool {
        switch event {
        case .hypervisorDetected(let name): return name.contains("Hyper")
        case .clocksource(let name): return name.hasPrefix("hyperv_")
        default: return true
        }
    }

    /// Stores the event's facts and names the slots they fill.
    private mutating func apply(_ event: KernelLogEvent) -> [Slot] {
        switch event {
        case .privilege(let words):
            applyPrivilege(words)
            return [.privilege]
        case .host(let version, let format):
            facts.hostVersion = version
            facts.hostBuildFormat = format
            return [.host]
        case .legacyVMBusHost(let version, let vmbus):
            facts.hostVersion = version
            facts.hostBuildFormat = .legacyVMBus
            facts.vmbusVersion = vmbus
            return [.host, .vmbusVersion]
        case .vmbusVersion(let version):
            facts.vmbusVersion = version
            return [.vmbusVersion]
        case .pvSpinlocks(let enabled):
            facts.pvSpinlocksEnabled = enabled
            return [.pvSpinlocks]
        case .unknownGUID(let guid):
            if seenGUIDs.insert(guid).inserted { facts.unknownDeviceClasses.append(guid) }
            return [.unknownGUID(guid)]
        case .deviceProtocol(let line):
            facts.deviceProtocols.removeAll { $0.kind == line.kind && $0.deviceID == line.deviceID }
            facts.deviceProtocols.append(line)
            return [.deviceProtocol(line.kind, line.deviceID)]
        default:
            return applyValue(event).map { [$0] } ?? []
        }
    }

    private mutating func applyPrivilege(_ words: PrivilegeWords) {
        facts.privilegeLow = words.low
        facts.privilegeHigh = words.high
        facts.ext = words.ext
        facts.hints = words.hints
        facts.misc = words.misc
        facts.lineFormat = words.format
    }

    /// Events that set one fact each (`nil` for the events `apply` handles itself).
    private mutating func applyValue(_ event: KernelLogEvent) -> Slot? {
        switch event {
        case .isolation(let groupA, let groupB):
            facts.isolationGroupA = groupA
            facts.isolationGroupB = groupB
            return .message(.isolationConfig)
        case .nested(let value):
            facts.nestedFeatures = value
            return .message(.nestedFeatures)
        case .lapicTimerFrequency(let value):
            facts.lapicTimerFrequency = value
            return .message(.lapicTimerFrequency)
        case .vmbusConfidential(let value):
            facts.confidentialVMBus = value
            return .message(.vmbusConfidential)
        case .vmbusIsolationVersionRejected(let rejection):
            facts.vmbusIsolationVersionRejected = rejection
            return .message(.vmbusInvalidIsolationVersion)
        case .hypervisorDetected(let name):
            facts.hypervisorDetected = name
            return .message(.hypervisorDetected)
        case .clocksource(let name):
            facts.clocksource = name
            return .message(.clocksourceSwitched)
        case .enlightenedAPIC(let mode):
            facts.enlightenedAPICMode = mode
            return .message(.enlightenedAPIC)
        case .flag(let message):
            setFlag(message)
            return .message(message)
        case .privilege, .host, .legacyVMBusHost, .vmbusVersion, .pvSpinlocks, .unknownGUID, .deviceProtocol:
            return nil
        }
    }

    /// Messages whose presence is the fact.
    private mutating func setFlag(_ message: KernelLogMessage) {
        switch message {
        case .rootPartition: facts.runningAsRootPartition = true
        case .l1vhPartition: facts.runningAsL1VHPartition = true
        case .nestedHypervisor: facts.runningOnNestedHypervisor = true
        case .ipiHypercalls: facts.usesIPIHypercalls = true
        case .remoteTLBFlush: facts.usesHypercallForRemoteTLBFlush = true
        case .crashKexecPostNotifiers: facts.crashKexecPostNotifiers = true
        case .vmbusUnableToConnect: facts.vmbusConnectFailed = true
        case .hypercallMSRUnavailable: facts.hypercallMSRUnavailable = true
        case .vpIndexMSRUnavailable: facts.vpIndexMSRUnavailable = true
        case .tscUnstable: facts.tscMarkedUnstable = true
        default: break
        }
    }

    /// The facts, with the evidence lines in log order and the diagnostics count capped.
    func finish() -> KernelLogFacts {
        var result = facts
        var lines: [Int: String] = [:]
        for source in sources.values { lines[source.line] = source.text }
        result.evidence = lines.sorted { $0.key < $1.key }.map(\.value)
        if droppedDiagnostics > 0 {
            result.diagnostics.append("\(droppedDiagnostics) more problems not listed")
        }
        return result
    }
}
