/// `isolation.expected`: the VM has the isolation (confidential computing) it was meant to have.
enum IsolationCheck {
    static let check = HealthCheck(
        id: "isolation.expected", severity: .fail, title: "Expected isolation type",
        reason: "A confidential VM that boots without its isolation (or a fleet that must not run isolated) is "
            + "a deployment error. The type is 0x4000000C EBX[3:0] (none, VBS, SEV-SNP, TDX; reference §1.11), "
            + "read only when 0x40000003 EBX[22] is set. Set isolation.expected to none, vbs, snp, tdx or cca; "
            + "skipped when not configured.",
        inputs: [.hypervisor], evaluate: evaluate)

    static func evaluate(_ facts: HealthFacts, _ configuration: HealthConfiguration) -> HealthFinding {
        guard let expected = configuration.expectedIsolation else {
            return .skip("no expected isolation configured (isolation.expected)", .notConfigured)
        }
        if let skip = facts.notHyperV { return skip }
        let isolation = facts.features?.summary.isolation
        let details: HealthDetails = [
            "expected": .string(expected.rawValue), "found": .string(isolation?.type?.rawValue),
            "paravisor": .bool(isolation?.paravisor),
        ]
        guard let found = isolation?.type else {
            return .caution("isolation unknown (the source read does not say), expected \(expected.rawValue)", details)
        }
        guard found == expected else {
            return .problem("isolation is \(found.rawValue), expected \(expected.rawValue)", details)
        }
        return .pass("isolation is \(found.rawValue), as expected", details)
    }
}
