/// `vmbus.devices_bound`: every offered device that Linux has a driver for is bound to one.
enum DevicesBoundCheck {
    static let check = HealthCheck(
        id: "vmbus.devices_bound", severity: .fail, title: "VMBus devices bound to drivers",
        reason: "A device whose class has a Linux driver (reference §3.5, §4) but no driver link is unused: a "
            + "module missing from the image or blacklisted, or a probe that failed. Classes Linux has no driver "
            + "for (the Windows-only AVMA, RDV and IMC, RDMA, classes the catalogue does not know) are left out.",
        inputs: [.vmbus], evaluate: evaluate)

    static func evaluate(_ facts: HealthFacts, _ configuration: HealthConfiguration) -> HealthFinding {
        let state: VMBusState
        switch HealthWording.vmbus(facts) {
        case .success(let read): state = read
        case .failure(let skip): return skip.finding
        }
        var unbound: [VMBusDevice] = []
        var withDriver = 0
        var noLinuxDriver = 0
        for device in state.devices {
            guard let deviceClass = device.deviceClass else { continue }
            guard !deviceClass.drivers.isEmpty else {
                noLinuxDriver += 1
                continue
            }
            withDriver += 1
            if device.driver == nil { unbound.append(device) }
        }
        let details: HealthDetails = [
            "unbound": .array(unbound.map(unboundDetails)), "devices_with_linux_driver": .int(withDriver),
            "devices_without_linux_driver": .int(noLinuxDriver), "devices": .int(state.devices.count),
        ]
        guard unbound.isEmpty else {
            let names = unbound.map {
                "\(HealthWording.device($0)) (\($0.deviceClass?.drivers.joined(separator: " or ") ?? ""))"
            }
            return .problem(
                "\(HealthWording.count(unbound.count, "device")) with a Linux driver not bound: "
                    + HealthWording.list(names), details)
        }
        return .pass("all \(HealthWording.count(withDriver, "device")) with a Linux driver are bound", details)
    }

    static func unboundDetails(_ device: VMBusDevice) -> HealthValue {
        .object([
            "device_id": .string(device.deviceID), "class": .string(device.classLabel),
            "expected_drivers": .strings(device.deviceClass?.drivers ?? []),
        ])
    }
}
