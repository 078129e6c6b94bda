/// Decides `DriverVerdict` for one device: pure, from what sysfs and the config said.
public enum DriverVerdictDecider {
    /// The kernel fcopy driver was removed in 6.10 ("Drivers: hv: Remove fcopy driver", reference §4).
    static let fcopyMovedToUIO = KernelRelease(major: 6, minor: 10)

    /// The drivers that can bind the device, most common first (reference §3.5, §3.7, §4).
    public static func candidates(for device: VMBusDevice, kernel: KernelRelease?) -> [String] {
        if let deviceClass = device.deviceClass {
            guard deviceClass.shortName == "fcopy" else { return deviceClass.drivers }
            // 6.1: hv_utils; uio_hv_generic binds it statically only with the 2026 fix.
            if let kernel, kernel >= fcopyMovedToUIO { return ["uio_hv_generic"] }
            return ["hv_utils"]
        }
        if let classID = device.classID, DeviceClassCatalog.isVsockService(classID) { return ["hv_sock"] }
        return []
    }

    public static func decide(_ device: VMBusDevice, context: DriverContext) -> DriverVerdict {
        let candidates = candidates(for: device, kernel: context.kernel)
        if let driver = device.driver {
            // A bound device has a Linux driver whatever the tables say (WSL's dxgkrnl binds
            // classes reference §4 does not list).
            let drivers = candidates.contains(driver) ? candidates : candidates + [driver]
            return DriverVerdict(status: .bound, candidates: drivers, message: "bound to \(driver)", brief: "bound")
        }
        if let override = device.driverOverride { return overridden(by: override, candidates, context) }
        guard !candidates.isEmpty else {
            if device.deviceClass != nil {
                return DriverVerdict(
                    status: .noLinuxDriver, candidates: [], message: "Linux has no driver for this class",
                    brief: "no Linux driver")
            }
            return DriverVerdict(
                status: .unknownClass, candidates: [], message: "no Linux driver is known for this class",
                brief: "unknown class")
        }
        if let registered = candidates.first(where: context.registeredDrivers.contains) {
            return DriverVerdict(
                status: .loadedNotBound, candidates: candidates,
                message: "\(registered) is loaded but did not bind it: look for its probe error in the kernel log",
                brief: "\(registered) loaded but not bound")
        }
        if device.deviceClass?.shortName == "fcopy", candidates == ["uio_hv_generic"] {
            return DriverVerdict(
                status: .bindsByNewID, candidates: candidates,
                message: "since 6.10 uio_hv_generic drives it once its class GUID is written to new_id",
                brief: "uio_hv_generic waits for new_id")
        }
        return unregistered(candidates, context)
    }

    /// No candidate is registered: built as a module and not loaded, or not built at all.
    private static func unregistered(_ candidates: [String], _ context: DriverContext) -> DriverVerdict {
        let options = candidates.compactMap(HyperVKernelOptionCatalog.option(forDriver:))
        let states = options.map { option in option.module.flatMap { context.moduleStates[$0] } ?? .notBuilt }
        if let index = states.firstIndex(where: { $0 == .notLoaded || $0 == .builtIn || $0 == .loaded }) {
            let option = options[index]
            let module = option.module ?? option.name
            guard states[index] == .notLoaded else {
                return DriverVerdict(
                    status: .loadedNotBound, candidates: candidates,
                    message: "\(module) is built in but registers no \(candidates[index]) driver",
                    brief: "\(candidates[index]) not registered")
            }
            let why =
                context.config == nil
                ? "no kernel config says whether it is built" : "\(option.name)=m"
            return DriverVerdict(
                status: .moduleNotLoaded, candidates: candidates,
                message: "\(module) is not loaded (\(why)): modprobe \(module)", brief: "\(module) not loaded")
        }
        let names = candidates.joined(separator: " or ")
        guard let config = context.config, !options.isEmpty else {
            return DriverVerdict(
                status: .notBuilt, candidates: candidates, message: "\(names) not built", brief: "\(names) not built")
        }
        let settings = options.map { option -> String in
            switch config[option.name] {
            case .none: return "\(option.name) absent"
            case .some(.notSet): return "\(option.name) is not set"
            case .some(let value): return "\(option.name)=\(value)"
            }
        }
        return DriverVerdict(
            status: .notBuilt, candidates: candidates,
            message: "\(names) not built (\(settings.joined(separator: ", ")))",
            brief: "\(names) not built")
    }

    private static func overridden(by override: String, _ candidates: [String], _ context: DriverContext)
        -> DriverVerdict
    {
        if context.registeredDrivers.contains(override) {
            return DriverVerdict(
                status: .loadedNotBound, candidates: candidates,
                message: "driver_override is \(override), which is loaded but did not bind it",
                brief: "\(override) (driver_override) loaded but not bound")
        }
        return DriverVerdict(
            status: .overrideNotRegistered, candidates: candidates,
            message: "driver_override is \(override), which is not loaded: only it may bind the device",
            brief: "driver_override \(override) not loaded")
    }
}
