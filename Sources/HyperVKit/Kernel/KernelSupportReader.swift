/// Everything `hvctl kernel` decides from, read once: the kernel config, the VMBus devices, the
/// registered VMBus drivers, `/sys/module/<name>` of each module the option catalogue names, and
/// the `driver_override` of unbound devices the VMBus read left out.
public struct KernelSupportInputs: Sendable {
    public var kernelRelease: String?
    public var architecture: Architecture
    public var config: KernelConfigReading
    public var bus: VMBusState
    /// `/sys/bus/vmbus/drivers`: the VMBus drivers registered now (loaded or built in).
    public var registeredDrivers: Set<String>
    /// Whether the machine has a /sys at all: a pasted log has none, so module states are
    /// unknown there, not "not loaded".
    public var sysCaptured: Bool
    /// `/sys/module/<name>` by module, for the modules of this architecture's options.
    public var modules: [String: ModuleSysfs]
    /// Every failed read, in the order of the reads.
    public var diagnostics: [Diagnostic]
}

/// Reads `KernelSupportInputs` through the Machine seam; `KernelSupportReportBuilder` decides.
public enum KernelSupportReader {
    public static let driversDirectory = VMBusReader.busDirectory + "/drivers"

    /// - Parameter vmbus: the devices when the caller already read them (`hvctl info`, `health`);
    ///   their diagnostics are then the caller's to report.
    public static func read(_ machine: any Machine, vmbus: VMBusState? = nil) -> KernelSupportInputs {
        let config = KernelConfigReader.read(machine)
        var diagnostics = config.diagnostics
        var bus = vmbus ?? VMBusReader.read(machine, options: .devicesOnly)
        if vmbus == nil { diagnostics += bus.diagnostics }
        let registered = registeredDrivers(machine, diagnostics: &diagnostics)
        let sysCaptured = machine.isDirectory(SourceCatalog.sysfsRoot)
        var modules: [String: ModuleSysfs] = [:]
        if sysCaptured {
            // hv_vmbus is built by CONFIG_HYPERV (6.1) or CONFIG_HYPERV_VMBUS (newer): one read each.
            let known = knownParameters(bus)
            for option in HyperVKernelOptionCatalog.options(for: machine.architecture) {
                guard let module = option.module, modules[module] == nil else { continue }
                let (read, problems) = KernelModuleReader.read(machine, module: module, known: known[module] ?? [:])
                diagnostics += problems
                modules[module] = read
            }
        }
        if !bus.deviceDetailsRead {
            for index in bus.devices.indices where bus.devices[index].driver == nil {
                bus.devices[index].driverOverride = readOverride(machine, device: bus.devices[index])
            }
        }
        return KernelSupportInputs(
            kernelRelease: machine.kernelRelease, architecture: machine.architecture, config: config, bus: bus,
            registeredDrivers: registered, sysCaptured: sysCaptured, modules: modules, diagnostics: diagnostics)
    }

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

    /// `driver_override` of an unbound device, which a devices-only VMBus read leaves out.
    static func readOverride(_ machine: any Machine, device: VMBusDevice) -> String? {
        let path = device.sysfsPath.appending(VMBusDeviceFile.driverOverride)
        guard case .success(let text) = machine.attribute(at: path) else { return nil }
        return VMBusDevice.driverOverride(fromAttribute: text)
    }
}
