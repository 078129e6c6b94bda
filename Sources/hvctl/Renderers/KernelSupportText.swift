import HyperVKit

/// The summary sentences `hvctl kernel` and `hvctl info` share.
enum KernelSupportText {
    static func hyperV(_ report: KernelSupportReport) -> String {
        guard let (value, inferred) = report.hyperV else {
            return "unknown (no kernel config, and \(report.vmbusModulePath) was not seen)"
        }
        let setting = value == .notSet ? "CONFIG_HYPERV not built" : "CONFIG_HYPERV=\(value)"
        guard let vmbus = report.options.first(where: { $0.option.name == "CONFIG_HYPERV" }) else { return setting }
        if inferred {
            return setting + " (inferred: "
                + (value == .builtIn
                    ? "\(report.vmbusModulePath) has no initstate, so hv_vmbus is built in)"
                    : "\(report.vmbusModulePath) has an initstate, so hv_vmbus is a loaded module)")
        }
        switch vmbus.moduleState {
        case .some(.loaded): return setting + ", hv_vmbus loaded"
        case .some(.builtIn): return setting + ", hv_vmbus built in"
        case .some(.notLoaded): return setting + ", hv_vmbus not loaded (no VMBus until it is)"
        default: return setting
        }
    }

    /// The one line of `hvctl info`: `CONFIG_HYPERV=m (/boot/config-…), 13/13 VMBus devices bound`.
    static func infoLine(_ report: KernelSupportReport) -> String {
        var parts: [String] = []
        switch (report.hyperV, report.config.source) {
        case (.some(let hyperV), .some(let source)):
            parts.append(
                (hyperV.value == .notSet ? "CONFIG_HYPERV not built" : "CONFIG_HYPERV=\(hyperV.value)") + " (\(source))"
            )
        case (.some(let hyperV), .none):
            let how = hyperV.value == .builtIn ? "hv_vmbus is built in" : "hv_vmbus is a loaded module"
            parts.append("CONFIG_HYPERV=\(hyperV.value) (no kernel config; \(how))")
        case (.none, _):
            parts.append("no kernel config")
        }
        if report.vmbusPresent == true {
            let withDriver = report.devicesWithDriver.count
            parts.append("\(withDriver - report.unboundDevicesWithDriver.count)/\(withDriver) VMBus devices bound")
            parts += report.problems.map { "\($0.brief) (\($0.classes.joined(separator: ", ")))" }
        }
        return parts.joined(separator: ", ")
    }

    static func devices(_ report: KernelSupportReport) -> String {
        switch report.vmbusPresent {
        case .none: return "not captured (no /sys in this snapshot)"
        case .some(false): return "none (/sys/bus/vmbus does not exist)"
        case .some(true): break
        }
        let withDriver = report.devicesWithDriver.count
        let bound = withDriver - report.unboundDevicesWithDriver.count
        var text = "\(bound) of \(withDriver) with a Linux driver bound"
        let without = report.devices.count - withDriver
        if without > 0 { text += "; \(without) without a Linux driver" }
        let problems = report.problems.map { "\($0.brief) (\($0.classes.joined(separator: ", ")))" }
        if !problems.isEmpty { text += "; " + problems.joined(separator: "; ") }
        return text
    }
}
