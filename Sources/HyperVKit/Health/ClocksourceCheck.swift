/// `clocksource`: the kernel keeps time with a clock Hyper-V makes reliable.
enum ClocksourceCheck {
    static let tscPage = "hyperv_clocksource_tsc_page"
    static let msrClock = "hyperv_clocksource_msr"
    /// arm64 guests use the architectural counter; Linux has no Hyper-V clock source there (§7.2).
    static let arm64Counter = "arch_sys_counter"

    static let check = HealthCheck(
        id: "clocksource", severity: .fail, title: "Clock source",
        reason: "On x86 the right clock is the Hyper-V reference TSC page (hyperv_clocksource_tsc_page), or tsc "
            + "where TSC invariant control (0x40000003 EAX[15]) lets Linux trust the TSC across live migration "
            + "(reference §2.2, Documentation/virt/hyperv/clocks.rst; from Windows Server 2022). "
            + "hyperv_clocksource_msr works but every read traps to the hypervisor (a warning). Anything else "
            + "(acpi_pm, hpet, a tsc Linux cannot trust) drifts or is slow. arm64 uses arch_sys_counter.",
        inputs: [.hypervisor, .clocksource], evaluate: evaluate)

    static func evaluate(_ facts: HealthFacts, _ configuration: HealthConfiguration) -> HealthFinding {
        if let skip = facts.notHyperV { return skip }
        guard let current = facts.clocksource?.current else {
            return .skip("current_clocksource was not read (not captured, or unreadable)", .unavailable)
        }
        let invariant = facts.privileges.privilege(15)
        let details: HealthDetails = [
            "current": .string(current), "available": .strings(facts.clocksource?.available ?? []),
            "tsc_invariant_control": .bool(invariant),
        ]
        if facts.architecture == .aarch64 {
            guard current == arm64Counter else {
                return .problem("\(current): arm64 guests keep time with \(arm64Counter)", details)
            }
            return .pass("\(current), the architectural counter (arm64)", details)
        }
        switch current {
        case tscPage: return .pass("\(current), the Hyper-V reference TSC page", details)
        case "tsc": return tsc(invariant, details)
        case msrClock:
            return .caution(
                "\(current): every clock read traps to the hypervisor (the TSC page, EAX[9], is the fast one)",
                details)
        default:
            return .problem(
                "\(current) is not a Hyper-V clock source (\(tscPage), or tsc with TSC invariant control)", details)
        }
    }

    static func tsc(_ invariant: Bool?, _ details: HealthDetails) -> HealthFinding {
        switch invariant {
        case .some(true):
            return .pass("tsc, trusted through TSC invariant control (0x40000003 EAX[15])", details)
        case .some(false):
            return .problem(
                "tsc without TSC invariant control (EAX[15] clear): the TSC may jump when the VM migrates", details)
        case .none:
            return .caution("tsc, but whether the host offers TSC invariant control (EAX[15]) is unknown", details)
        }
    }
}
