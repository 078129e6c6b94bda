import Foundation
import Testing

@testable import HyperVKit

/// `hvctl kernel`'s model on the fixtures (issue 8, "Done when"): a config with CONFIG_HYPERV=m and
/// hv_netvsc not built, devices left unbound because their module is not loaded, no kernel
/// config at all, and a driver that is loaded but did not bind.
@Suite struct KernelSupportTests {
    static func fixture(_ name: String) throws -> SnapshotMachine {
        try SnapshotMachine(path: FixtureCPUIDToolTests.fixturesDirectory.appendingPathComponent(name).path)
    }

    static func entry(_ report: KernelSupportReport, _ id: String) throws -> KernelSupportReport.Device {
        try #require(report.devices.first { $0.device.deviceID.hasPrefix(id) })
    }

    static func option(_ report: KernelSupportReport, _ name: String) throws -> KernelSupportReport.Option {
        try #require(report.options.first { $0.option.name == name })
    }

    /// The builder decides from what was read, with no Machine: a NIC that no driver bound, on a
    /// kernel whose config says `# CONFIG_HYPERV_NET is not set`, is "not built" (issue 16: builders
    /// get their inputs from readers).
    @Test func theBuilderDecidesFromInputsAlone() throws {
        var nic = VMBusDevice(deviceID: "2b7f9e40-0000-4000-8000-000000000001", sysfsPath: "/nowhere")
        nic.classID = "f8615163-df3e-46c5-913f-f2d2f965ed0e"
        nic.deviceClass = DeviceClassCatalog.lookup(guid: "f8615163-df3e-46c5-913f-f2d2f965ed0e")
        nic.state = 1
        let config = KernelConfig.parse("CONFIG_HYPERV=m\n# CONFIG_HYPERV_NET is not set\n")
        let inputs = KernelSupportInputs(
            kernelRelease: "6.1.0-28-amd64", architecture: .x86_64,
            config: KernelConfigReading(source: "/proc/config.gz", config: config),
            bus: VMBusState(present: true, devices: [nic]), registeredDrivers: ["hv_storvsc"], sysCaptured: true,
            modules: [
                "hv_vmbus": ModuleSysfs(name: "hv_vmbus", directoryExists: true, initstate: "live"),
                "hv_netvsc": ModuleSysfs(name: "hv_netvsc", directoryExists: false),
            ],
            diagnostics: [])
        let report = KernelSupportReportBuilder.build(inputs)
        #expect(report.hyperV?.value == .module)
        #expect(try Self.option(report, "CONFIG_HYPERV").moduleState == .loaded)
        #expect(try Self.option(report, "CONFIG_HYPERV_NET").moduleState == .notBuilt)
        let verdict = try Self.entry(report, "2b7f9e40").verdict
        #expect(verdict.status == .notBuilt)
        #expect(verdict.message == "hv_netvsc not built (CONFIG_HYPERV_NET is not set)")
        #expect(report.diagnostics.isEmpty)
    }

    /// custom-kernel: /proc/config.gz has CONFIG_HYPERV=m and `# CONFIG_HYPERV_NET is not set`.
    @Test func hyperVModuleAndNetvscNotBuilt() throws {
        let report = KernelSupportReportBuilder.build(KernelSupportReader.read(try Self.fixture("custom-kernel")))
        #expect(report.config.source == "/proc/config.gz")
        #expect(report.hyperV?.value == .module)
        #expect(report.hyperV?.inferred == false)
        #expect(try Self.option(report, "CONFIG_HYPERV").moduleState == .loaded)
        let net = try Self.option(report, "CONFIG_HYPERV_NET")
        #expect(net.value == .notSet)
        #expect(net.moduleState == .notBuilt)
        let nic = try Self.entry(report, "2b7f9e40")
        #expect(nic.verdict.status == .notBuilt)
        #expect(nic.verdict.candidates == ["hv_netvsc"])
        #expect(nic.verdict.message == "hv_netvsc not built (CONFIG_HYPERV_NET is not set)")
        #expect(nic.verdict.isExplained)
        // MICROSOFT_MANA depends on PCI_HYPERV, which is off: no line at all, i.e. absent
        let mana = try Self.option(report, "CONFIG_MICROSOFT_MANA")
        #expect(mana.value == nil && mana.configKnown && mana.moduleState == .notBuilt)
    }

    /// custom-kernel: hv_utils is `=m` with no /sys/module/hv_utils, so its five devices are
    /// unbound because the module is not loaded; that is explained, not a health failure.
    @Test func unboundBecauseTheModuleIsNotLoaded() throws {
        let report = KernelSupportReportBuilder.build(KernelSupportReader.read(try Self.fixture("custom-kernel")))
        #expect(try Self.option(report, "CONFIG_HYPERV_UTILS").moduleState == .notLoaded)
        for id in ["fd149e91", "242ff919", "b6650ff7", "2dd1ce17", "9c5e2a17"] {
            let device = try Self.entry(report, id)
            #expect(device.verdict.status == .moduleNotLoaded)
            #expect(device.verdict.message == "hv_utils is not loaded (CONFIG_HYPERV_UTILS=m): modprobe hv_utils")
        }
        #expect(report.unboundDevicesWithDriver.count == 6)
        #expect(report.unexplainedUnboundDevices.isEmpty)
        #expect(report.problems.map(\.brief) == ["hv_utils not loaded", "hv_netvsc not built"])
        #expect(report.problems.first?.classes == ["heartbeat", "kvp", "shutdown", "timesync", "vss"])
    }

    /// wsl2-26100 has neither /proc/config.gz nor /boot/config-<release>: the report says what it
    /// tried, and infers CONFIG_HYPERV=y from /sys/module/hv_vmbus having no initstate.
    @Test func noKernelConfigAtAll() throws {
        let report = KernelSupportReportBuilder.build(KernelSupportReader.read(try Self.fixture("wsl2-26100")))
        #expect(report.config.source == nil)
        #expect(report.config.tried == ["/proc/config.gz", "/boot/config-6.6.87.2-microsoft-standard-WSL2"])
        #expect(report.hyperV?.value == .builtIn)
        #expect(report.hyperV?.inferred == true)
        #expect(report.options.allSatisfy { $0.value == nil && !$0.configKnown })
        // built in: a directory without initstate, or a registered driver without a directory
        #expect(try Self.option(report, "CONFIG_HYPERV_STORAGE").moduleState == .builtIn)
        #expect(try Self.option(report, "CONFIG_PCI_HYPERV").moduleState == .builtIn)
        #expect(try Self.option(report, "CONFIG_X86_MSR").moduleState == .notLoaded)
        #expect(report.unboundDevicesWithDriver.isEmpty)
        // dxgkrnl binds classes reference §4 does not list: bound, so it counts as a Linux driver
        #expect(report.devicesWithDriver.count == report.devices.count)
    }

    /// A loaded module's devices with the config gone: the module is still seen as loaded; an
    /// unloaded one can only be "not loaded", with no config to say whether it is built.
    @Test func noConfigButLoadedModules() throws {
        let copy = try FixtureCopy("custom-kernel")
        try FileManager.default.removeItem(atPath: copy.root + "/proc/config.gz")
        let report = KernelSupportReportBuilder.build(KernelSupportReader.read(try copy.machine()))
        #expect(report.config.source == nil)
        #expect(report.hyperV?.value == .module)
        #expect(report.hyperV?.inferred == true)
        let heartbeat = try Self.entry(report, "fd149e91")
        #expect(heartbeat.verdict.status == .moduleNotLoaded)
        #expect(heartbeat.verdict.message.contains("no kernel config says whether it is built"))
        #expect(try Self.entry(report, "2b7f9e40").verdict.status == .moduleNotLoaded)
    }

    /// Debian's cloud config has no DRM_HYPERV line (DRM is off): absent, not built; FB_HYPERV=m.
    @Test func debianCloudConfig() throws {
        let report = KernelSupportReportBuilder.build(KernelSupportReader.read(try Self.fixture("azure-d8ds-v5")))
        #expect(report.config.source == "/boot/config-6.1.0-37-cloud-amd64")
        let drm = try Self.option(report, "CONFIG_DRM_HYPERV")
        #expect(drm.value == nil && drm.configKnown && drm.moduleState == .notBuilt)
        let fb = try Self.option(report, "CONFIG_FB_HYPERV")
        #expect(fb.value == .module && fb.moduleState == .loaded && fb.registeredDrivers == ["hyperv_fb"])
        #expect(try Self.option(report, "CONFIG_HYPERV_TIMER").value == .builtIn)
        let vmbus = try Self.option(report, "CONFIG_HYPERV")
        #expect(vmbus.sysfs?.initstate == "live")
        #expect(vmbus.sysfs?.parameters == [ModuleParameter(name: "max_version", value: "327683")])
        #expect(report.unboundDevicesWithDriver.isEmpty)
        #expect(report.diagnostics.isEmpty)
    }

    /// A registered driver that did not bind is the one unexplained state; a driver_override
    /// naming an unloaded driver explains the device being unbound.
    @Test func loadedButNotBoundAndDriverOverride() throws {
        let copy = try FixtureCopy("azure-d8ds-v5")
        let nic = try copy.target(ofLink: "sys/bus/vmbus/devices/000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c")
        try FileManager.default.removeItem(atPath: nic + "/driver")
        var report = KernelSupportReportBuilder.build(KernelSupportReader.read(try copy.machine()))
        var entry = try Self.entry(report, "000d3a7c")
        #expect(entry.verdict.status == .loadedNotBound)
        #expect(!entry.verdict.isExplained)
        #expect(report.unexplainedUnboundDevices.map(\.device.deviceID) == ["000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c"])

        try "uio_hv_generic\n".write(toFile: nic + "/driver_override", atomically: false, encoding: .utf8)
        report = KernelSupportReportBuilder.build(KernelSupportReader.read(try copy.machine()))
        entry = try Self.entry(report, "000d3a7c")
        #expect(entry.device.driverOverride == "uio_hv_generic")
        #expect(entry.verdict.status == .overrideNotRegistered)
        #expect(entry.verdict.isExplained)
        #expect(report.unexplainedUnboundDevices.isEmpty)

        try "hv_netvsc\n".write(toFile: nic + "/driver_override", atomically: false, encoding: .utf8)
        entry = try Self.entry(
            KernelSupportReportBuilder.build(KernelSupportReader.read(try copy.machine())), "000d3a7c")
        #expect(entry.verdict.status == .loadedNotBound)
    }

    /// Classes without a Linux driver (ws2016-gen1's RDV and AVMA offers) are not counted as
    /// unbound, and an unknown class (vmbus-broken's serial UART) is not either.
    @Test func classesWithoutADriver() throws {
        let ws2016 = KernelSupportReportBuilder.build(KernelSupportReader.read(try Self.fixture("ws2016-gen1")))
        #expect(try Self.entry(ws2016, "3f8a2c61").verdict.status == .noLinuxDriver)
        #expect(ws2016.devices.count - ws2016.devicesWithDriver.count == 3)
        let broken = KernelSupportReportBuilder.build(KernelSupportReader.read(try Self.fixture("vmbus-broken")))
        #expect(try Self.entry(broken, "0b7d3e52").verdict.status == .unknownClass)
        #expect(try Self.entry(broken, "d85c1a3e").verdict.candidates == ["hv_sock"])
    }

    /// arm64 has no X86_MSR, X86_CPUID, HYPERV_TIMER or HYPERV_IOMMU (their Kconfig `depends on`).
    @Test func arm64Options() throws {
        let report = KernelSupportReportBuilder.build(KernelSupportReader.read(try Self.fixture("azure-arm64")))
        let names = Set(report.options.map(\.option.name))
        #expect(
            names.isDisjoint(with: ["CONFIG_X86_MSR", "CONFIG_X86_CPUID", "CONFIG_HYPERV_TIMER", "CONFIG_HYPERV_IOMMU"])
        )
        #expect(names.contains("CONFIG_PCI_HYPERV"))
    }

    /// A partial snapshot: no /sys, no config; nothing is made up.
    @Test func partialSnapshot() throws {
        let report = KernelSupportReportBuilder.build(KernelSupportReader.read(try Self.fixture("pasted-log")))
        #expect(report.vmbusPresent == nil)
        #expect(report.hyperV == nil)
        #expect(report.devices.isEmpty)
    }
}
