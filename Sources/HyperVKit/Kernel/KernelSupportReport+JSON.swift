/// `hvctl kernel --json` (docs/json-schema.md): keys pinned here, unknown values null.
extension KernelSupportReport: Encodable {
    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case kernelRelease = "kernel_release"
        case architecture, config
        case hyperV = "hyperv"
        case options
        case vmbusPresent = "vmbus_present"
        case devices, summary, diagnostics
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaVersion, forKey: .schemaVersion)
        try container.encode(kernelRelease, forKey: .kernelRelease)
        try container.encode(architecture, forKey: .architecture)
        try container.encode(ConfigJSON(reading: config), forKey: .config)
        try container.encode(
            HyperVJSON(value: hyperV.map { Self.json($0.value) }, inferred: hyperV?.inferred), forKey: .hyperV)
        try container.encode(options.map(OptionJSON.init), forKey: .options)
        try container.encode(vmbusPresent, forKey: .vmbusPresent)
        try container.encode(devices.map(DeviceJSON.init), forKey: .devices)
        try container.encode(SummaryJSON(report: self), forKey: .summary)
        try container.encode(diagnostics, forKey: .diagnostics)
    }

    /// `y`, `m`, `not_set`, or the text of any other value.
    static func json(_ value: KernelConfig.Value) -> String {
        value == .notSet ? "not_set" : value.description
    }

    struct ConfigJSON: Encodable {
        var reading: KernelConfigReading

        enum CodingKeys: String, CodingKey { case source, tried }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(reading.source, forKey: .source)
            try container.encode(reading.tried, forKey: .tried)
        }
    }

    struct HyperVJSON: Encodable {
        var value: String?
        var inferred: Bool?

        enum CodingKeys: String, CodingKey { case value, inferred }
    }

    struct OptionJSON: Encodable {
        var entry: Option

        enum CodingKeys: String, CodingKey {
            case name, kind, value, module
            case moduleState = "module_state"
            case initstate, drivers
            case driversRegistered = "drivers_registered"
            case parameters, summary, kconfig
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(entry.option.name, forKey: .name)
            try container.encode(entry.option.kind, forKey: .kind)
            let value = entry.value.map(KernelSupportReport.json) ?? (entry.configKnown ? "absent" : nil)
            try container.encode(value, forKey: .value)
            try container.encode(entry.option.module, forKey: .module)
            try container.encode(entry.moduleState, forKey: .moduleState)
            try container.encode(entry.sysfs?.initstate, forKey: .initstate)
            try container.encode(entry.option.drivers, forKey: .drivers)
            try container.encode(entry.registeredDrivers, forKey: .driversRegistered)
            try container.encode(entry.sysfs?.parameters ?? [], forKey: .parameters)
            try container.encode(entry.option.summary, forKey: .summary)
            try container.encode(entry.option.kconfig, forKey: .kconfig)
        }
    }

    struct DeviceJSON: Encodable {
        var entry: Device

        enum CodingKeys: String, CodingKey {
            case deviceID = "device_id"
            case classID = "class_id"
            case className = "class_name"
            case classShortName = "class_short_name"
            case driver
            case driverOverride = "driver_override"
            case status, explained, candidates, message
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(entry.device.deviceID, forKey: .deviceID)
            try container.encode(entry.device.classID, forKey: .classID)
            try container.encode(entry.device.knownClassName, forKey: .className)
            try container.encode(entry.device.classIdentifier, forKey: .classShortName)
            try container.encode(entry.device.driver, forKey: .driver)
            try container.encode(entry.device.driverOverride, forKey: .driverOverride)
            try container.encode(entry.verdict.status, forKey: .status)
            try container.encode(entry.verdict.isExplained, forKey: .explained)
            try container.encode(entry.verdict.candidates, forKey: .candidates)
            try container.encode(entry.verdict.message, forKey: .message)
        }
    }

    struct SummaryJSON: Encodable {
        var report: KernelSupportReport

        enum CodingKeys: String, CodingKey {
            case devices
            case withLinuxDriver = "with_linux_driver"
            case bound, unexplained, problems
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            let known = report.vmbusPresent == true
            try container.encode(known ? report.devices.count : nil, forKey: .devices)
            try container.encode(known ? report.devicesWithDriver.count : nil, forKey: .withLinuxDriver)
            let bound = report.devicesWithDriver.count - report.unboundDevicesWithDriver.count
            try container.encode(known ? bound : nil, forKey: .bound)
            try container.encode(known ? report.unexplainedUnboundDevices.count : nil, forKey: .unexplained)
            try container.encode(
                report.problems.map { "\($0.brief) (\($0.classes.joined(separator: ", ")))" }, forKey: .problems)
        }
    }
}
