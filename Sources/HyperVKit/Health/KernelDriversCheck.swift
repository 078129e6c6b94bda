/// `kernel.drivers`: every VMBus device whose class has a Linux driver is bound, or hvctl can say
/// why it is not (issue 8): the driver is not built into this kernel, built as a module that is
/// not loaded, or bound by `new_id` only. A device left unbound while its driver is loaded is the
/// one case nothing explains (a probe that failed): that fails the check; explained ones warn.
enum KernelDriversCheck {
    static let check = HealthCheck(
        id: "kernel.drivers", severity: .fail, title: "Kernel drivers for the VMBus devices",
        reason: "Hyper-V's drivers are built only with CONFIG_HYPERV, most of them as modules (the seed's Code "
            + "Packaging; reference §3.5): an unbound device is explained when its driver is not built or not "
            + "loaded, and unexplained when the driver is loaded and still did not bind (a failed probe).",
        inputs: [.vmbus, .kernelSupport], evaluate: evaluate)

    static func evaluate(_ facts: HealthFacts, _ configuration: HealthConfiguration) -> HealthFinding {
        if let notHyperV = facts.notHyperV { return notHyperV }
        guard let report = facts.kernelSupport, report.vmbusPresent == true else {
            return .skip("no VMBus devices to check (see vmbus.devices_bound)", .notApplicable)
        }
        let unbound = report.unboundDevicesWithDriver
        let unexplained = unbound.filter { !$0.verdict.isExplained }
        let details: HealthDetails = [
            "config_source": .string(report.config.source),
            "unbound": .array(unbound.map(deviceDetails)),
            "unexplained": .int(unexplained.count),
        ]
        if !unexplained.isEmpty {
            let names = unexplained.map { "\(HealthWording.device($0.device)): \($0.verdict.brief)" }
            return .problem(
                "\(HealthWording.count(unexplained.count, "device")) unbound although its driver is loaded: "
                    + HealthWording.list(names), details)
        }
        if !unbound.isEmpty {
            let names = unbound.map { "\(HealthWording.device($0.device)): \($0.verdict.brief)" }
            return .caution(
                "\(HealthWording.count(unbound.count, "device")) unbound, each explained: " + HealthWording.list(names),
                details)
        }
        return .pass(
            "every device with a Linux driver is bound (config: \(report.config.source ?? "not found"))", details)
    }

    static func deviceDetails(_ entry: KernelSupportReport.Device) -> HealthValue {
        .object([
            "device_id": .string(entry.device.deviceID), "class": .string(entry.device.classLabel),
            "status": .string(entry.verdict.status.rawValue), "message": .string(entry.verdict.message),
        ])
    }
}
