/// `hvctl kernel`: whether the running kernel carries Hyper-V guest support, which parts are
/// loaded, and for each VMBus device whether a driver is bound or why not.
public struct KernelSupportReport: Sendable {
    public static let schemaVersion = 1

    /// Where hv_vmbus's module directory is: its `initstate` tells a loaded module from a built-in.
    public var vmbusModulePath: String { KernelModuleReader.directory + "/hv_vmbus" }

    /// One option of `HyperVKernelOptionCatalog` as this kernel has it.
    public struct Option: Sendable, Equatable {
        public var option: HyperVKernelOption
        /// The config's value; nil when the option is absent from the config, or there is none.
        public var value: KernelConfig.Value?
        /// A config was read (so nil `value` means absent, not unknown).
        public var configKnown: Bool
        /// `/sys/module/<module>`; nil for a bool option.
        public var sysfs: ModuleSysfs?
        public var moduleState: ModuleState?
        /// The option's VMBus drivers that are registered (`/sys/bus/vmbus/drivers/<name>`).
        public var registeredDrivers: [String]
    }

    /// One VMBus device and its verdict.
    public struct Device: Sendable, Equatable {
        public var device: VMBusDevice
        public var verdict: DriverVerdict
    }

    public var kernelRelease: String?
    public var architecture: Architecture
    public var config: KernelConfigReading
    public var options: [Option]
    /// nil when the machine's /sys was not captured.
    public var vmbusPresent: Bool?
    public var devices: [Device]
    public var diagnostics: [Diagnostic]

    /// CONFIG_HYPERV from the config, else inferred from `/sys/module/hv_vmbus` (built in when the
    /// directory has no `initstate`, a module when it has), else nil.
    public var hyperV: (value: KernelConfig.Value, inferred: Bool)? {
        guard let option = options.first(where: { $0.option.name == "CONFIG_HYPERV" }) else { return nil }
        if let value = option.value { return (value, false) }
        if option.configKnown { return (.notSet, false) }
        switch option.moduleState {
        case .some(.builtIn) where option.sysfs?.directoryExists == true: return (.builtIn, true)
        case .some(.loaded): return (.module, true)
        default: return nil
        }
    }

    /// The devices whose class has a Linux driver.
    public var devicesWithDriver: [Device] { devices.filter { $0.verdict.hasLinuxDriver } }

    /// The devices with a Linux driver that no driver is bound to, for any reason.
    public var unboundDevicesWithDriver: [Device] { devicesWithDriver.filter { $0.verdict.status != .bound } }

    /// The devices left unbound for a reason nothing explains (a registered driver that did not
    /// bind): what a `kernel.drivers` health check fails on. Devices that are not built, not
    /// loaded, overridden or without a Linux driver are explained and not listed.
    public var unexplainedUnboundDevices: [Device] { devices.filter { !$0.verdict.isExplained } }

    /// The unbound devices' short reasons with the classes they concern, in device order:
    /// `hv_utils not loaded` → `["heartbeat", "kvp"]`.
    public var problems: [(brief: String, classes: [String])] {
        var result: [(brief: String, classes: [String])] = []
        for entry in unboundDevicesWithDriver {
            let name = entry.device.classLabel
            if let index = result.firstIndex(where: { $0.brief == entry.verdict.brief }) {
                result[index].classes.append(name)
            } else {
                result.append((entry.verdict.brief, [name]))
            }
        }
        return result
    }
}
