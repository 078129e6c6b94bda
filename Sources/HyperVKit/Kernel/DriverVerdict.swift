/// Why a VMBus device is bound, or why not (reference §3.5: binding goes `driver_override` →
/// dynamic IDs → static ID table).
public struct DriverVerdict: Sendable, Equatable {
    public enum Status: String, Sendable, Hashable, Encodable {
        case bound
        /// The class has no Linux driver (AVMA, RDV, IMC, NetworkDirect, reference §4).
        case noLinuxDriver = "no_linux_driver"
        /// A class GUID reference §4 does not list: no driver is known for it.
        case unknownClass = "unknown_class"
        /// No candidate driver is built: the options are off or absent.
        case notBuilt = "not_built"
        /// A candidate is built as a module that is not loaded.
        case moduleNotLoaded = "module_not_loaded"
        /// A candidate driver is registered (loaded or built in) and still did not bind: a probe
        /// failure, or someone unbound it. Nothing hvctl reads explains it.
        case loadedNotBound = "loaded_not_bound"
        /// `driver_override` names a driver that is not registered; only that driver may bind.
        case overrideNotRegistered = "override_not_registered"
        /// 6.10 and newer drive the file-copy device with uio_hv_generic, which binds it only after
        /// its class GUID is written to `new_id` (reference §4).
        case bindsByNewID = "binds_by_new_id"
    }

    public var status: Status
    /// The drivers that could bind the device, most common first.
    public var candidates: [String]
    /// One sentence for people: what is wrong and what to do.
    public var message: String
    /// A few words for a summary line: `hv_netvsc not built`, `hv_utils not loaded`.
    public var brief: String

    public init(status: Status, candidates: [String], message: String, brief: String) {
        self.status = status
        self.candidates = candidates
        self.message = message
        self.brief = brief
    }

    /// Whether the device's class has a Linux driver at all.
    public var hasLinuxDriver: Bool { !candidates.isEmpty }

    /// Bound, or unbound for a reason hvctl can name. `loaded_not_bound` is the one state nothing
    /// explains; a future `kernel.drivers` health check fails on it.
    public var isExplained: Bool { status != .loadedNotBound }
}

/// What the verdict needs to know about the kernel, beyond the device.
public struct DriverContext: Sendable {
    /// `/sys/bus/vmbus/drivers/<name>` entries.
    public var registeredDrivers: Set<String>
    /// Module name → state, for the modules of `HyperVKernelOptionCatalog`.
    public var moduleStates: [String: ModuleState]
    public var config: KernelConfig?
    public var kernel: KernelRelease?

    public init(
        registeredDrivers: Set<String>, moduleStates: [String: ModuleState], config: KernelConfig?,
        kernel: KernelRelease?
    ) {
        self.registeredDrivers = registeredDrivers
        self.moduleStates = moduleStates
        self.config = config
        self.kernel = kernel
    }
}
