/// Builds `KernelSupportReport`: the config, `/sys/module`, the registered VMBus drivers and the
/// devices, each read once; every failed read is a diagnostic and the report always comes back.
public enum KernelSupportReportBuilder {
    public static let driversDirectory = VMBusReader.busDirectory + "/drivers"

    /// - Parameter vmbus: the devices when the caller already read them (`hvctl info`); their
    ///   diagnostics are then the caller's to report.
    public static func build(_ machine: any Machine, vmbus: VMBusState? = nil) -> KernelSupportReport {
        let config = KernelConfigReader.read(machine)
        var diagnostics = config.diagnostics
        let bus = vmbus ?? VMBusReader.read(machine, options: .devicesOnly)
        if vmbus == nil { diagnostics += bus.diagnostics }
        let registered = registeredDrivers(machine, diagnostics: &diagnostics)
        // A partial snapshot (a pasted log) has no /sys: module states are unknown, not "not loaded".
        let sysCaptured = machine.isDirectory(SourceCatalog.sysfsRoot)
        // hv_vmbus is built by CONFIG_HYPERV (6.1) or CONFIG_HYPERV_VMBUS (newer): one read each module.
        var modules: [String: ModuleSysfs] = [:]
        let options = HyperVKernelOptionCatalog.options(for: machine.architecture).map { option in
            readOption(
                option, machine: machine, config: config.config, registered: registered, sysCaptured: sysCaptured,
                known: knownParameters(bus), modules: &modules, diagnostics: &diagnostics)
        }
        var moduleStates: [String: ModuleState] = [:]
        for option in options {
            if let module = option.option.module, let state = option.moduleState, moduleStates[module] == nil {
                moduleStates[module] = state
            }
        }
        let context = DriverContext(
            registeredDrivers: registered, moduleStates: moduleStates, config: config.config,
            kernel: machine.kernelRelease.flatMap(KernelRelease.init))
        let devices = bus.devices.map { device in
            var device = device
            if device.driver == nil && device.driverOverride == nil && !bus.deviceDetailsRead {
                device.driverOverride = readOverride(machine, device: device)
            }
            return KernelSupportReport.Device(
                device: device, verdict: DriverVerdictDecider.decide(device, context: context))
        }
        return KernelSupportReport(
            kernelRelease: machine.kernelRelease, architecture: machine.architecture, config: config, options: options,
            vmbusPresent: bus.present, devices: devices, diagnostics: diagnostics)
    }

    /// `/sys/bus/vmbus/drivers`: the VMBus drivers registered now (loaded or built in).
    static func registeredDrivers(_ machine: any Machine, diagnostics: inout [Diagnostic]) -> Set<String> {
        switch machine.directory(at: driversDirectory) {
        case .success(let names): return Set(names)
        case .failure(.absent): return []
        case .failure(let failure):
            diagnostics.append(.read(driversDirectory, failure))
            return []
        }
    }

    /// Module parameters the VMBus reader has read already (`hv_vmbus max_version`, the cap), so
    /// no attribute is read twice in one run.
    static func knownParameters(_ bus: VMBusState) -> [String: [String: String]] {
        guard let cap = bus.maxVersion else { return [:] }
        return ["hv_vmbus": ["max_version": String(cap.encoded)]]
    }

    static func readOption(
        _ option: HyperVKernelOption, machine: any Machine, config: KernelConfig?, registered: Set<String>,
        sysCaptured: Bool, known: [String: [String: String]] = [:], modules: inout [String: ModuleSysfs],
        diagnostics: inout [Diagnostic]
    ) -> KernelSupportReport.Option {
        let value = config?[option.name]
        let drivers = option.drivers.filter(registered.contains)
        var entry = KernelSupportReport.Option(
            option: option, value: value, configKnown: config != nil, sysfs: nil, moduleState: nil,
            registeredDrivers: drivers)
        guard let module = option.module, sysCaptured else { return entry }
        let sysfs: ModuleSysfs
        if let read = modules[module] {
            sysfs = read
        } else {
            let (read, problems) = KernelModuleReader.read(machine, module: module, known: known[module] ?? [:])
            diagnostics += problems
            modules[module] = read
            sysfs = read
        }
        entry.sysfs = sysfs
        entry.moduleState = ModuleState.decide(
            sysfs: sysfs, driverRegistered: !drivers.isEmpty, config: value, configKnown: config != nil)
        return entry
    }

    /// `driver_override` of an unbound device (`(null)` or empty when unset, reference §3.2).
    static func readOverride(_ machine: any Machine, device: VMBusDevice) -> String? {
        guard case .success(let text) = machine.attribute(at: device.sysfsPath + "/driver_override") else { return nil }
        return text.isEmpty || text == "(null)" ? nil : text
    }
}
