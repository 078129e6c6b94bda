/// `host.supported`: a host Linux still supports Hyper-V on.
enum HostSupportedCheck {
    /// Windows Server 2012 (reference §8): the oldest Hyper-V the 6.1 kernel negotiates VMBus with
    /// (2.4, §5.1); WS2008/WS2008 R2 are no longer supported (`Documentation/virt/hyperv/overview.rst`).
    static let minimumBuild: UInt32 = 9200

    static let check = HealthCheck(
        id: "host.supported", severity: .fail, title: "Host is Windows Server 2012 or later",
        reason: "Linux supports Hyper-V from Windows Server 2012 (build 9200) on; WS2008 and WS2008 R2 are no "
            + "longer supported and 6.1 cannot even negotiate VMBus with them (reference §8, §5.1; "
            + "Documentation/virt/hyperv/overview.rst). The build comes from CPUID 0x40000002 or the kernel's "
            + "Host Build line; an unknown build is a warning, never a failure.",
        inputs: [.hypervisor], evaluate: evaluate)

    static func evaluate(_ facts: HealthFacts, _ configuration: HealthConfiguration) -> HealthFinding {
        if let skip = facts.notHyperV { return skip }
        guard let host = facts.hostVersion else {
            return .caution(
                "host build unknown: no CPUID 0x40000002 and no Host Build line in the kernel log",
                ["build": nil, "minimum_build": .int(Int(minimumBuild))])
        }
        let release = WindowsRelease.name(forBuild: host.build)
        let details: HealthDetails = [
            "build": .int(Int(host.build)), "version": .string(host.linuxString), "release": .string(release),
            "minimum_build": .int(Int(minimumBuild)),
        ]
        guard host.build >= minimumBuild else {
            return .problem(
                "host build \(host.build) is older than Windows Server 2012 (build \(minimumBuild)): "
                    + "Linux no longer supports Hyper-V there", details)
        }
        let name = release ?? "a build the reference does not list"
        return .pass("host build \(host.build), \(name): Windows Server 2012 or later", details)
    }
}
