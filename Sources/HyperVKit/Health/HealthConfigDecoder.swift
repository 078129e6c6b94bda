/// Turns a parsed configuration file into a `HealthConfiguration`. Every key is known: an unknown
/// one is an error (a typo must not silently leave a check at its default), and so is a value of
/// the wrong type or out of range. The file's keys are listed in docs/health.md.
public struct HealthConfigDecoder {
    /// The file name errors start with.
    public var file: String
    /// The check ids `severity.<id>` and `checks.skip` may name.
    public var checkIDs: [String]

    public init(file: String, checkIDs: [String] = HealthCatalog.ids) {
        self.file = file
        self.checkIDs = checkIDs
    }

    public func decode(_ root: ConfigNode) throws(HealthConfigError) -> HealthConfiguration {
        var configuration = HealthConfiguration()
        for (key, node) in try table(root, "the file") {
            switch key {
            case "vmbus": try vmbus(node, into: &configuration)
            case "channels": try channels(node, into: &configuration)
            case "rings": try rings(node, into: &configuration)
            case "isolation": try isolation(node, into: &configuration)
            case "severity": try severity(node, into: &configuration)
            case "checks": try checks(node, into: &configuration)
            default:
                throw unknown(
                    key, in: nil, node, known: ["vmbus", "channels", "rings", "isolation", "severity", "checks"])
            }
        }
        return configuration
    }

    func vmbus(_ node: ConfigNode, into configuration: inout HealthConfiguration) throws(HealthConfigError) {
        for (key, value) in try table(node, "vmbus") {
            switch key {
            case "min_version":
                let text = try string(value, "vmbus.min_version", expected: "a version string such as \"4.0\"")
                guard let version = VMBusVersion(text) else {
                    throw error(
                        value, "vmbus.min_version: \"\(text)\" is not a VMBus version (major.minor, such as \"4.0\")")
                }
                configuration.minimumVMBusVersion = version
            case "expected_devices":
                configuration.expectedDevices = try array(value, "vmbus.expected_devices").map {
                    (item) throws(HealthConfigError) in
                    let name = try string(item, "vmbus.expected_devices", expected: "class names")
                    guard let resolved = HealthConfiguration.ExpectedDeviceClass.resolve(name) else {
                        throw error(
                            item,
                            "vmbus.expected_devices: unknown class \"\(name)\" (a short name such as nic, "
                                + "scsi, kvp, or a class GUID)")
                    }
                    return resolved
                }
            default: throw unknown(key, in: "vmbus", value, known: ["min_version", "expected_devices"])
            }
        }
    }

    func channels(_ node: ConfigNode, into configuration: inout HealthConfiguration) throws(HealthConfigError) {
        for (key, value) in try table(node, "channels") {
            guard key == "balance" else { throw unknown(key, in: "channels", value, known: ["balance"]) }
            for (inner, setting) in try table(value, "channels.balance") {
                guard inner == "max_ratio" else {
                    throw unknown(inner, in: "channels.balance", setting, known: ["max_ratio"])
                }
                let ratio = try number(setting, "channels.balance.max_ratio")
                guard ratio >= 1 else {
                    throw error(setting, "channels.balance.max_ratio must be at least 1 (1 = perfectly even)")
                }
                configuration.maxChannelImbalance = ratio
            }
        }
    }

    func rings(_ node: ConfigNode, into configuration: inout HealthConfiguration) throws(HealthConfigError) {
        for (key, value) in try table(node, "rings") {
            guard key == "max_fill_percent" else {
                throw unknown(key, in: "rings", value, known: ["max_fill_percent"])
            }
            let percent = try number(value, "rings.max_fill_percent")
            guard percent > 0 && percent <= 100 else {
                throw error(value, "rings.max_fill_percent must be above 0 and at most 100")
            }
            configuration.maxRingFillPercent = percent
        }
    }

    func isolation(_ node: ConfigNode, into configuration: inout HealthConfiguration) throws(HealthConfigError) {
        let names = ["none", "vbs", "snp", "tdx", "cca"]
        for (key, value) in try table(node, "isolation") {
            guard key == "expected" else { throw unknown(key, in: "isolation", value, known: ["expected"]) }
            let text = try string(value, "isolation.expected", expected: "one of " + names.joined(separator: ", "))
            guard names.contains(text), let type = HypervisorSummary.IsolationType(rawValue: text) else {
                throw error(value, "isolation.expected: \"\(text)\" is not one of " + names.joined(separator: ", "))
            }
            configuration.expectedIsolation = type
        }
    }

    func severity(_ node: ConfigNode, into configuration: inout HealthConfiguration) throws(HealthConfigError) {
        let levels = HealthSeverity.allCases.map(\.rawValue)
        for (key, value) in try table(node, "severity") {
            guard checkIDs.contains(key) else { throw unknown(key, in: "severity", value, known: checkIDs) }
            let text = try string(value, "severity.\(key)", expected: "one of " + levels.joined(separator: ", "))
            guard let level = HealthSeverity(rawValue: text) else {
                throw error(value, "severity.\(key): \"\(text)\" is not one of " + levels.joined(separator: ", "))
            }
            configuration.severities[key] = level
        }
    }

    func checks(_ node: ConfigNode, into configuration: inout HealthConfiguration) throws(HealthConfigError) {
        for (key, value) in try table(node, "checks") {
            guard key == "skip" else { throw unknown(key, in: "checks", value, known: ["skip"]) }
            configuration.skip = try array(value, "checks.skip").map { (item) throws(HealthConfigError) in
                let id = try string(item, "checks.skip", expected: "check ids")
                guard checkIDs.contains(id) else {
                    throw error(
                        item, "checks.skip: unknown check \"\(id)\" (one of " + checkIDs.joined(separator: ", ") + ")")
                }
                return id
            }
        }
    }

    // MARK: - Typed access with line-numbered errors

    func table(_ node: ConfigNode, _ name: String) throws(HealthConfigError) -> [(key: String, node: ConfigNode)] {
        guard case .table(let entries) = node.value else {
            throw error(node, "expected a table for \(name), found \(node.kind)")
        }
        return entries
    }

    func array(_ node: ConfigNode, _ name: String) throws(HealthConfigError) -> [ConfigNode] {
        guard case .array(let items) = node.value else {
            throw error(node, "expected an array for \(name), found \(node.kind)")
        }
        return items
    }

    func string(_ node: ConfigNode, _ name: String, expected: String) throws(HealthConfigError) -> String {
        guard case .string(let text) = node.value else {
            throw error(node, "expected \(expected) for \(name), found \(node.kind)")
        }
        return text
    }

    func number(_ node: ConfigNode, _ name: String) throws(HealthConfigError) -> Double {
        guard let number = node.number, number.isFinite else {
            throw error(node, "expected a number for \(name), found \(node.kind)")
        }
        return number
    }

    func unknown(_ key: String, in section: String?, _ node: ConfigNode, known: [String]) -> HealthConfigError {
        let path = section.map { "\($0).\(key)" } ?? key
        return error(node, "unknown key \(path) (known here: \(known.joined(separator: ", ")))")
    }

    func error(_ node: ConfigNode, _ message: String) -> HealthConfigError {
        HealthConfigError(file: file, line: node.line, message: message)
    }
}
