/// `hyperv.detected`: is this a genuine Hyper-V guest at all?
enum HyperVDetectedCheck {
    static let check = HealthCheck(
        id: "hyperv.detected", severity: .fail, title: "Running on Hyper-V",
        reason: "Every other check is about a Hyper-V guest. Reference §1.1: CPUID.1:ECX[31], the \"Microsoft Hv\" "
            + "signature of 0x40000000 and the \"Hv#1\" interface of 0x40000001; KVM and Xen can present the same "
            + "leaves (§1.1 caveat), so hvctl also weighs KVM's own leaves at 0x40000100, DMI and the kernel's "
            + "\"Hypervisor detected:\" line, as hvctl info does. Without CPUID (arm64, a capture without cpuid.txt) "
            + "any Hyper-V kernel-log line decides, else the sources that exist only on Hyper-V: a VMBus with devices, "
            + "hv_vmbus loaded as a module, KVP pools, a Hyper-V clock source, the Hyper-V firmware's DMI strings.",
        inputs: [.hypervisor], evaluate: evaluate)

    static func evaluate(_ facts: HealthFacts, _ configuration: HealthConfiguration) -> HealthFinding {
        guard let identity = facts.identity else {
            return .problem("cannot tell: \(facts.featuresFailure?.message ?? "no CPUID and no kernel log")")
        }
        let details: HealthDetails = [
            "hypervisor": .string(identity.name), "genuine": .bool(identity.isGenuineHyperV),
            "source": .string(facts.features?.source.rawValue), "evidence": .strings(identity.evidence),
            "confidence": .string(identity.confidence),
            "unread": .strings(identity.sources.filter { $0.says == .unknown }.map(\.source.rawValue)),
        ]
        if identity.isGenuineHyperV {
            var summary = "Microsoft Hyper-V (\(identity.evidence.joined(separator: "; ")))"
            if let confidence = identity.confidence, confidence != "certain" {
                let unread = identity.sources.filter {
                    $0.says == .unknown && [.cpuid, .kernelLog].contains($0.source)
                }
                summary +=
                    "; \(confidence) evidence"
                    + (unread.isEmpty
                        ? "" : ", " + unread.map { "\($0.sourceName) \($0.detail)" }.joined(separator: ", "))
            }
            return .pass(summary, details)
        }
        if identity.imitatesHyperV {
            return .problem("\(identity.name): the Hyper-V signature is not genuine Hyper-V's", details)
        }
        // Nothing read tells: unknown fails (it is never a pass), but is not called "not Hyper-V".
        if identity.isUnknown {
            return .problem("cannot tell whether this is a Hyper-V guest: no source could be read", details)
        }
        return .problem("not a Hyper-V guest: hypervisor \(identity.name)", details)
    }
}
