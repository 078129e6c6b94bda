/// Builds `KernelSupportReport` from what `KernelSupportReader` read: which options are set, what
/// state each module is in, and a verdict per device. Pure: the same inputs give the same report.
public enum KernelSupportReportBuilder {
    public static func build(_ inputs: KernelSupportInputs) -> KernelSupportReport {
        let config = inputs.config.config
        let options = HyperVKernelOptionCatalog.options(for: inputs.architecture).map { option in
            self.option(option, inputs: inputs)
        }
        var moduleStates: [String: ModuleState] = [:]
        for option in options {
            if let module = option.option.module, let state = option.moduleState, moduleStates[module] == nil {
                moduleStates[module] = state
            }
        }
        let context = DriverContext(
            registeredDrivers: inputs.registeredDrivers, moduleStates: moduleStates, config: config,
            kernel: inputs.kernelRelease.flatMap(KernelRelease.init))
        let devices = inputs.bus.devices.map { device in
            KernelSupportReport.Device(device: device, verdict: DriverVerdictDecider.decide(device, context: context))
        }
        return KernelSupportReport(
            kernelRelease: inputs.kernelRelease, architecture: inputs.architecture, config: inputs.config,
            options: options, vmbusPresent: inputs.bus.present, devices: devices, diagnostics: inputs.diagnostics)
    }

    static func option(_ option: HyperVKernelOption, inputs: KernelSupportInputs) -> KernelSupportReport.Option {
        let config = inputs.config.config
        let value = config?[option.name]
        let drivers = option.drivers.filter(inputs.registeredDrivers.contains)
        var entry = KernelSupportReport.Option(
            option: option, value: value, configKnown: config != nil, sysfs: nil, moduleState: nil,
            registeredDrivers: drivers)
        guard let module = option.module, inputs.sysCaptured, let sysfs = inputs.modules[module] else { return entry }
        entry.sysfs = sysfs
        entry.moduleState = ModuleState.decide(
            sysfs: sysfs, driverRegistered: !drivers.isEmpty, config: value, configKnown: config != nil)
        return entry
    }
}
