/// `cpu.phantom`: possible CPUs that will never be present (information).
enum PhantomCPUCheck {
    static let check = HealthCheck(
        id: "cpu.phantom", severity: .info, title: "Phantom hot-add CPUs",
        reason: "Windows Server 2019 Hyper-V and older may describe more CPUs in ACPI than the VM has; Linux counts "
            + "them as possible hot-add CPUs, but Hyper-V never hot-adds a CPU (reference §6.3, "
            + "Documentation/virt/hyperv/overview.rst). Harmless, but it sizes per-CPU tables and confuses "
            + "tools that count possible CPUs: information only.",
        inputs: [.topology], evaluate: evaluate)

    static func evaluate(_ facts: HealthFacts, _ configuration: HealthConfiguration) -> HealthFinding {
        if let skip = facts.notHyperV { return skip }
        guard let topology = facts.topology, let possible = topology.possible, let present = topology.present,
            let phantom = topology.phantom
        else { return .skip("the possible and present CPU lists were not read", .unavailable) }
        let details: HealthDetails = [
            "possible": .string(possible.description), "present": .string(present.description),
            "phantom": .string(phantom.isEmpty ? nil : phantom.description), "count": .int(phantom.count),
        ]
        guard phantom.isEmpty else {
            return .problem(
                "\(HealthWording.count(phantom.count, "phantom hot-add CPU")) (\(phantom)): possible but never present; "
                    + "Hyper-V never hot-adds CPUs", details)
        }
        return .pass("possible = present (\(present))", details)
    }
}
