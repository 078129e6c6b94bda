/// What `/sys/module/<name>` says about one module.
///
/// A loadable module always has the directory while it is loaded, with `initstate` (`live`,
/// `coming`, `going`: `modinfo_initstate` in `kernel/module/main.c`). A built-in "module" gets
/// the directory only when it has parameters (or a MODULE_VERSION): `param_sysfs_builtin()` in
/// `kernel/params.c` creates it with `parameters/` and without `initstate`. So a directory
/// without `initstate` is built in; no directory is either built in without parameters, or not
/// loaded, or not built, which the kernel config and the registered VMBus drivers decide.
public struct ModuleSysfs: Sendable, Equatable {
    public var name: String
    public var directoryExists: Bool
    /// `initstate`, only for loadable modules.
    public var initstate: String?
    /// `parameters/<name>` → value without its newline (nil when it could not be read), sorted by name.
    public var parameters: [ModuleParameter]

    public init(name: String, directoryExists: Bool, initstate: String? = nil, parameters: [ModuleParameter] = []) {
        self.name = name
        self.directoryExists = directoryExists
        self.initstate = initstate
        self.parameters = parameters
    }
}

public struct ModuleParameter: Sendable, Equatable, Encodable {
    public var name: String
    public var value: String?

    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }
}

/// Reads `/sys/module/<name>` through the Machine seam.
public enum KernelModuleReader {
    public static let directory = "/sys/module"

    /// - Parameter known: parameter values read already this run (by name), used instead of a read.
    public static func read(_ machine: any Machine, module name: String, known: [String: String] = [:])
        -> (ModuleSysfs, [Diagnostic])
    {
        let path = directory + "/" + name
        guard machine.isDirectory(path) else { return (ModuleSysfs(name: name, directoryExists: false), []) }
        var diagnostics: [Diagnostic] = []
        var module = ModuleSysfs(name: name, directoryExists: true)
        switch machine.attribute(at: path + "/initstate") {
        case .success(let state): module.initstate = state
        case .failure(.absent): break
        case .failure(let failure): diagnostics.append(.read(path + "/initstate", failure))
        }
        if case .success(let names) = machine.directory(at: path + "/parameters") {
            for parameter in names {
                if let value = known[parameter] {
                    module.parameters.append(ModuleParameter(name: parameter, value: value))
                    continue
                }
                let file = path + "/parameters/" + parameter
                switch machine.attribute(at: file) {
                case .success(let value):
                    module.parameters.append(ModuleParameter(name: parameter, value: value))
                case .failure(let failure):
                    module.parameters.append(ModuleParameter(name: parameter, value: nil))
                    diagnostics.append(.read(file, failure))
                }
            }
        }
        return (module, diagnostics)
    }
}

/// A module's state, from sysfs, the registered drivers and the kernel config together.
public enum ModuleState: String, Sendable, Hashable, Encodable {
    /// A loadable module, loaded (`initstate` present).
    case loaded
    /// Part of the kernel image.
    case builtIn = "builtin"
    /// Built as a module (`=m`), not loaded; or, without a config, simply not seen.
    case notLoaded = "not_loaded"
    /// The config has it off (`is not set`) or leaves it out.
    case notBuilt = "not_built"

    /// Decides the state.
    ///
    /// - Parameters:
    ///   - driverRegistered: one of the module's VMBus drivers is under `/sys/bus/vmbus/drivers`:
    ///     the code is running, and without a `/sys/module` directory it can only be built in.
    ///   - config: the option's value, nil when the option is absent or there is no config.
    ///   - configKnown: a config was read (so an absent option means "not built").
    public static func decide(
        sysfs: ModuleSysfs, driverRegistered: Bool, config: KernelConfig.Value?, configKnown: Bool
    ) -> ModuleState {
        if sysfs.directoryExists { return sysfs.initstate == nil ? .builtIn : .loaded }
        if driverRegistered { return .builtIn }
        switch config {
        case .builtIn: return .builtIn
        case .module: return .notLoaded
        case .notSet, .other: return .notBuilt
        case .none: return configKnown ? .notBuilt : .notLoaded
        }
    }
}

extension KernelModuleReader {
    /// The modules of the Hyper-V options (`HyperVKernelOptionCatalog`), on either architecture.
    static var moduleNames: String {
        let names = Set(HyperVKernelOptionCatalog.all.compactMap(\.module))
        return "{" + names.sorted().joined(separator: ",") + "}"
    }

    public static let sources: [MachineSource] = [
        MachineSource(
            directory + "/" + moduleNames + "/initstate", optional: true, redaction: .none,
            reader: "KernelModuleReader", why: "loaded as a module (live) or built in (no initstate)"),
        MachineSource(
            directory + "/" + moduleNames + "/parameters/*", optional: true, reader: "KernelModuleReader",
            why: "the Hyper-V modules' parameters (ring sizes, max_version, ...)"),
    ]
}
