/// `vmbus.expected_devices`: the classes an image needs (a NIC, a SCSI controller) are offered.
enum ExpectedDevicesCheck {
    static let check = HealthCheck(
        id: "vmbus.expected_devices", severity: .fail, title: "Expected VMBus devices present",
        reason: "An image or fleet knows which synthetic devices its VMs must have (vmbus.expected_devices in "
            + "the configuration: class short names of reference §4 such as nic, scsi, kvp, hv_sock, or class "
            + "GUIDs, spelled as --class accepts them). "
            + "Skipped when none are configured.",
        inputs: [.vmbus], evaluate: evaluate)

    static func evaluate(_ facts: HealthFacts, _ configuration: HealthConfiguration) -> HealthFinding {
        let expected = configuration.expectedDevices
        guard !expected.isEmpty else {
            return .skip("no expected devices configured (vmbus.expected_devices)", .notConfigured)
        }
        if let skip = facts.notHyperV { return skip }
        guard let state = facts.vmbus, state.present != nil else {
            return .skip("\(facts.origin) holds no /sys/bus/vmbus (not captured)", .unavailable)
        }
        let offered = state.devices.compactMap(\.classID)
        let missing = expected.filter { wanted in !offered.contains { wanted.selector.matches(classID: $0) } }
        let details: HealthDetails = [
            "expected": .strings(expected.map(\.name)), "missing": .strings(missing.map(\.name)),
        ]
        guard missing.isEmpty else {
            return .problem("missing: " + missing.map(\.name).joined(separator: ", "), details)
        }
        return .pass("present: " + expected.map(\.name).joined(separator: ", "), details)
    }
}
