import Testing

@testable import HyperVKit

/// The pure rules: a module's state from sysfs, the registered drivers and the config; a
/// device's verdict from its class and those states.
@Suite struct DriverVerdictTests {
    @Test func moduleState() {
        let loaded = ModuleSysfs(name: "hv_utils", directoryExists: true, initstate: "live")
        let builtIn = ModuleSysfs(name: "hv_utils", directoryExists: true)
        let missing = ModuleSysfs(name: "hv_utils", directoryExists: false)
        #expect(
            ModuleState.decide(sysfs: loaded, driverRegistered: true, config: .module, configKnown: true) == .loaded)
        #expect(ModuleState.decide(sysfs: builtIn, driverRegistered: true, config: nil, configKnown: false) == .builtIn)
        #expect(ModuleState.decide(sysfs: missing, driverRegistered: true, config: nil, configKnown: false) == .builtIn)
        #expect(
            ModuleState.decide(sysfs: missing, driverRegistered: false, config: .builtIn, configKnown: true) == .builtIn
        )
        #expect(
            ModuleState.decide(sysfs: missing, driverRegistered: false, config: .module, configKnown: true)
                == .notLoaded)
        #expect(
            ModuleState.decide(sysfs: missing, driverRegistered: false, config: .notSet, configKnown: true) == .notBuilt
        )
        #expect(
            ModuleState.decide(sysfs: missing, driverRegistered: false, config: nil, configKnown: true) == .notBuilt)
        #expect(
            ModuleState.decide(sysfs: missing, driverRegistered: false, config: nil, configKnown: false) == .notLoaded)
    }

    static func device(_ shortName: String, driver: String? = nil) -> VMBusDevice {
        var device = VMBusDevice(
            deviceID: "34d14be3-0000-0000-0000-000000000000", sysfsPath: "/sys/bus/vmbus/devices/x")
        device.deviceClass = DeviceClassCatalog.all.first { $0.shortName == shortName }
        device.classID = device.deviceClass?.guid
        device.driver = driver
        return device
    }

    static func context(kernel: KernelRelease?, states: [String: ModuleState] = [:], registered: Set<String> = [])
        -> DriverContext
    {
        DriverContext(
            registeredDrivers: registered, moduleStates: states, config: KernelConfig(values: [:]), kernel: kernel)
    }

    /// 6.1: hv_utils drives the file-copy device; 6.10 removed that driver and uio_hv_generic
    /// binds it only after `new_id` (reference §4).
    @Test func fileCopyDependsOnTheKernel() {
        let fcopy = Self.device("fcopy")
        let old = DriverVerdictDecider.decide(
            fcopy, context: Self.context(kernel: KernelRelease(major: 6, minor: 1), states: ["hv_utils": .notLoaded]))
        #expect(old.candidates == ["hv_utils"])
        #expect(old.status == .moduleNotLoaded)
        let new = DriverVerdictDecider.decide(
            fcopy,
            context: Self.context(kernel: KernelRelease(major: 6, minor: 10), states: ["uio_hv_generic": .loaded]))
        #expect(new.candidates == ["uio_hv_generic"])
        #expect(new.status == .bindsByNewID)
        #expect(new.isExplained)
    }

    /// Synthetic video has two drivers: one loaded wins over one not built.
    @Test func twoCandidateDrivers() {
        let video = Self.device("framebuffer")
        let verdict = DriverVerdictDecider.decide(
            video,
            context: Self.context(
                kernel: nil, states: ["hyperv_drm": .notBuilt, "hyperv_fb": .notLoaded]))
        #expect(verdict.candidates == ["hyperv_drm", "hyperv_fb"])
        #expect(verdict.status == .moduleNotLoaded)
        #expect(verdict.brief == "hyperv_fb not loaded")
        let neither = DriverVerdictDecider.decide(
            video, context: Self.context(kernel: nil, states: ["hyperv_drm": .notBuilt, "hyperv_fb": .notBuilt]))
        #expect(neither.status == .notBuilt)
        #expect(
            neither.message == "hyperv_drm or hyperv_fb not built (CONFIG_DRM_HYPERV absent, CONFIG_FB_HYPERV absent)")
    }

    @Test func boundDevice() {
        let verdict = DriverVerdictDecider.decide(
            Self.device("kvp", driver: "hv_utils"), context: Self.context(kernel: nil))
        #expect(verdict.status == .bound)
        #expect(verdict.hasLinuxDriver)
        #expect(verdict.isExplained)
    }
}
