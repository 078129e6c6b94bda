import HyperVKit

/// The text form of `hvctl info`: one aligned screen, each conclusion with its reason.
struct InfoText {
    var report: InfoReport
    var color: Bool

    /// For a conclusion that does not rest on CPUID or the kernel's own lines: how sure, and what
    /// was not there to read.
    var sureness: String? {
        let identity = report.identity
        guard let confidence = identity.confidence, confidence != "certain" else { return nil }
        let unread = identity.sources.filter { $0.says == .unknown && ($0.source == .cpuid || $0.source == .kernelLog) }
        let missing = unread.map { "\($0.sourceName) \($0.detail)" }.joined(separator: ", ")
        return "(\(confidence) evidence" + (missing.isEmpty ? "" : ": " + missing) + ")"
    }

    func render() -> String {
        var block = KeyValueBlock()
        let identity = report.identity
        let hypervisorStyle: Style = identity.isGenuineHyperV ? .green : .yellow
        block.add("Hypervisor", identity.name, hypervisorStyle)
        if !identity.evidence.isEmpty { block.add("", "(" + identity.evidence.joined(separator: "; ") + ")") }
        if let sureness = sureness { block.add("", sureness) }
        for conflict in identity.conflicts { block.add("", "but " + conflict, .yellow) }
        let summary = report.features?.summary
        if let summary, summary.hypervisor.isHyperV, identity.imitatesHyperV {
            block.add(
                "Hyper-V view", "what \(identity.kind?.displayName ?? "the hypervisor") presents as Hyper-V:", .yellow)
            block.add("Host build", SummaryText.host(summary.host) + " (claimed)")
        } else if identity.isGenuineHyperV {
            block.add("Host build", SummaryText.host(summary?.host))
            block.add("Environment", "\(report.environment.title) (\(report.environment.reason))")
            block.add("Generation", generation)
        }
        if let summary, summary.hypervisor.isHyperV {
            block.add("Partition", SummaryText.role(summary.partition))
            block.add("Isolation", SummaryText.isolation(summary.isolation))
            block.add("Nested", SummaryText.yesNo(summary.nested))
            block.add("Limits", SummaryText.limits(summary.limits))
        }
        block.add("Kernel", report.kernelRelease ?? "unknown")
        block.add("CPUs", cpus)
        block.add("Clock source", clock)
        if report.vmbus.present == true || report.identity.isGenuineHyperV {
            block.add("VMBus", vmbus)
            if let support = report.kernelSupport { block.add("Kernel support", KernelSupportText.infoLine(support)) }
        }
        if let kvp = report.hostKVP { block.add("Host says", hostSays(kvp)) }
        if let source = report.features?.source { block.add("Source", source == .cpuid ? "CPUID" : "kernel log") }
        if let capture = report.capture { block.add("Captured", capture.summary) }
        return block.render(color: color)
    }

    private var generation: String {
        guard let generation = report.generation.generation else { return "n/a (\(report.generation.reason))" }
        return "\(generation) (\(report.generation.reason))"
    }

    private var cpus: String {
        let topology = report.cpus.topology
        var parts: [String] = []
        if let online = topology.online { parts.append("\(online.count) online (\(online))") }
        if let present = topology.present { parts.append("\(present.count) present") }
        if let possible = topology.possible { parts.append("\(possible.count) possible") }
        var text = parts.isEmpty ? "unknown" : parts.joined(separator: ", ")
        if let phantom = report.cpus.phantom {
            text +=
                "\n\(phantom.count) phantom hot-add CPUs (\(phantom)): listed by the host's ACPI tables, never added by Hyper-V"
        }
        return text
    }

    private var clock: String {
        guard let current = report.clocksource.current else { return "unknown" }
        let others = report.clocksource.available.filter { $0 != current }
        return others.isEmpty ? current : "\(current) (also available: \(others.joined(separator: " ")))"
    }

    private var vmbus: String {
        let vmbus = report.vmbus
        var text: String
        switch vmbus.present {
        case .none: text = "devices not captured"
        case .some(false): text = "not present (no /sys/bus/vmbus)"
        case .some(true): text = "\(vmbus.devices ?? 0) devices, \(vmbus.channels ?? 0) channels"
        }
        if let version = vmbus.version {
            let source = vmbus.versionSource == "inferred" ? "inferred: hvctl vmbus version says how" : "kernel log"
            text += "; protocol \(version) (\(source))"
        } else {
            text += "; protocol unknown (kernel log not readable or without the line)"
        }
        return text
    }

    private func hostSays(_ kvp: InfoReport.HostKVP) -> String {
        var parts: [String] = []
        if let name = kvp.hostName { parts.append(name) }
        if let version = kvp.osVersion { parts.append("Windows \(version)") }
        if let edition = kvp.editionID { parts.append("edition \(edition)") }
        if let level = kvp.nestingLevel { parts.append("nesting level \(level)") }
        return parts.joined(separator: ", ") + " (KVP pool 3)"
    }
}
