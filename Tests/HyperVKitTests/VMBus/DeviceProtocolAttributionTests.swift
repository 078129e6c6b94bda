import Testing

@testable import HyperVKit

/// Which device a protocol line belongs to: the named one, or the only one of its class; never a
/// guess between several NICs or SCSI controllers (reference §4: those classes may have several
/// instances).
@Suite struct DeviceProtocolAttributionTests {
    static func device(_ id: String, _ shortName: String) -> VMBusDevice {
        var device = VMBusDevice(deviceID: id, sysfsPath: "/sys/bus/vmbus/devices/" + id)
        device.deviceClass = DeviceClassCatalog.all.first { $0.shortName == shortName }
        device.classID = device.deviceClass?.guid
        return device
    }

    static let heartbeat = device("fd149e91-82e0-4a7d-afa6-2a4166cbd7c0", "heartbeat")
    static let kvp = device("242ff919-07db-4180-9c2e-b86cb68c8c55", "kvp")
    static let video = device("5620e0c7-8062-4dce-aeb7-520c7ef76171", "framebuffer")
    static let nicA = device("000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c", "nic")
    static let nicB = device("6045bd91-a7e2-6045-bd91-a7e26045bd91", "nic")
    static let pciA = device("8a4d9f35-6b5a-4c1e-9d27-3e81f0c4a6b2", "pci")
    static let pciB = device("c4b741f5-5582-4c98-8f8b-2e082933c396", "pci")

    @Test func singleInstanceClassesTakeTheirLine() {
        let facts = parseLog(
            "hv_utils: Heartbeat IC version 3.0", "hv_utils: KVP IC version 4.0",
            "hyperv_fb: Synthvid Version major 3, minor 5")
        let assigned = DeviceProtocolAttribution.assign(
            facts.deviceProtocols, to: [Self.heartbeat, Self.kvp, Self.video])
        #expect(assigned[Self.heartbeat.deviceID]?.version == "3.0")
        #expect(assigned[Self.kvp.deviceID]?.version == "4.0")
        #expect(assigned[Self.video.deviceID]?.version == "3.5")
        #expect(assigned[Self.video.deviceID]?.source == .kernelLog)
        #expect(assigned[Self.video.deviceID]?.line == "hyperv_fb: Synthvid Version major 3, minor 5")
    }

    /// vPCI lines name their device: each of two vPCI devices gets its own.
    @Test func namedLinesGoToTheirDevice() {
        let facts = parseLog(
            "hv_pci 8a4d9f35-6b5a-4c1e-9d27-3e81f0c4a6b2: PCI VMBus probing: Using version 0x10003",
            "hv_pci c4b741f5-5582-4c98-8f8b-2e082933c396: PCI VMBus probing: Using version 0x10004",
            "hv_pci 99999999-5582-4c98-8f8b-2e082933c396: PCI VMBus probing: Using version 0x10002")
        let assigned = DeviceProtocolAttribution.assign(facts.deviceProtocols, to: [Self.pciA, Self.pciB])
        #expect(assigned[Self.pciA.deviceID]?.version == "1.3")
        #expect(assigned[Self.pciB.deviceID]?.version == "1.4")
        #expect(assigned.count == 2)
    }

    /// The NVSP debug line names no device: one NIC takes it, two NICs leave it unattributed.
    @Test func unnamedLineNeedsASingleInstance() {
        let facts = parseLog("hv_netvsc: Negotiated NVSP version:60001")
        #expect(
            DeviceProtocolAttribution.assign(facts.deviceProtocols, to: [Self.nicA])[Self.nicA.deviceID]?.version
                == "6.1")
        #expect(DeviceProtocolAttribution.assign(facts.deviceProtocols, to: [Self.nicA, Self.nicB]).isEmpty)
    }

    /// A line whose GUID names a device of another class, or no device at all, is not used.
    @Test func mismatchedClassIsIgnored() {
        let facts = parseLog(
            "hyperv_drm fd149e91-82e0-4a7d-afa6-2a4166cbd7c0: [drm] Synthvid Version major 3, minor 5")
        #expect(DeviceProtocolAttribution.assign(facts.deviceProtocols, to: [Self.heartbeat, Self.video]).isEmpty)
    }

    /// No lines, no versions.
    @Test func logWithoutLines() {
        let facts = parseLog("hv_vmbus: Vmbus version:5.3")
        #expect(DeviceProtocolAttribution.assign(facts.deviceProtocols, to: [Self.heartbeat, Self.kvp]).isEmpty)
    }
}
