import Testing

@testable import HyperVKit

/// The device protocol lines, with the exact format strings of the 6.1 drivers (reference §7.1
/// for hv_utils and hv_balloon; `hv_kvp.c`, `hv_snapshot.c`, `hv_fcopy.c`, `hyperv_fb.c`,
/// `hyperv_drm_proto.c`, `pci-hyperv.c`, `netvsc.c` for the others).
@Suite struct DeviceProtocolLineTests {
    private func only(_ line: String) throws -> DeviceProtocolLine {
        let facts = parseLog(line)
        #expect(facts.diagnostics.isEmpty)
        return try #require(facts.deviceProtocols.first, "not recognised: \(line)")
    }

    /// Each hv_utils service prints `<name> IC version %d.%d` with the `hv_utils: ` pr_fmt of the
    /// module its file links into. The versions are the ones 6.1 offers: KVP 4.0 (WIN8_SRV),
    /// time sync 4.0 (TS_VERSION), heartbeat 3.0, shutdown 3.2, VSS 5.0, FCopy 1.1.
    @Test(arguments: [
        ("[    3.296310] hv_utils: KVP IC version 4.0", DeviceProtocolKind.kvp, "4.0"),
        ("[    1.616558] hv_utils: TimeSync IC version 4.0", .timesync, "4.0"),
        ("[    1.615301] hv_utils: Heartbeat IC version 3.0", .heartbeat, "3.0"),
        ("[    1.614096] hv_utils: Shutdown IC version 3.2", .shutdown, "3.2"),
        ("[    2.931577] hv_utils: VSS IC version 5.0", .vss, "5.0"),
        ("[    2.931600] hv_utils: FCopy IC version 1.1", .fcopy, "1.1"),
        ("[    1.618872] hv_balloon: Using Dynamic Memory protocol version 2.0", .dynamicMemory, "2.0"),
        ("[    1.653350] hyperv_fb: Synthvid Version major 3, minor 5", .synthvid, "3.5"),
    ])
    func linesWithoutADevice(_ line: String, _ kind: DeviceProtocolKind, _ version: String) throws {
        let found = try only(line)
        #expect(found.kind == kind)
        #expect(found.version == version)
        #expect(found.deviceID == nil)
    }

    /// `drm_info()` and `dev_info()` prefix the driver and the device name, which for a VMBus
    /// device is its instance GUID.
    @Test func drmLineNamesItsDevice() throws {
        let found = try only(
            "[    1.511207] hyperv_drm 5620E0C7-8062-4dce-aeb7-520c7ef76171: [drm] Synthvid Version major 3, minor 5")
        #expect(found.kind == .synthvid)
        #expect(found.version == "3.5")
        #expect(found.deviceID == "5620e0c7-8062-4dce-aeb7-520c7ef76171")
    }

    /// `%#x` of PCI_MAKE_VERSION(1, 4) = 0x10004 (PCI_PROTOCOL_VERSION_1_4, "WS2022").
    @Test func vpciLineNamesItsDevice() throws {
        let found = try only(
            "hv_pci 8a4d9f35-6b5a-4c1e-9d27-3e81f0c4a6b2: PCI VMBus probing: Using version 0x10004")
        #expect(found.kind == .vpci)
        #expect(found.version == "1.4")
        #expect(found.deviceID == "8a4d9f35-6b5a-4c1e-9d27-3e81f0c4a6b2")
    }

    /// netvsc prints its version only with `pr_debug` (dynamic debug on), as a bare `%x`:
    /// 0x60001 is NVSP_PROTOCOL_VERSION_61, 0x30002 NVSP_PROTOCOL_VERSION_2.
    @Test func nvspDebugLine() throws {
        let found = try only("hv_netvsc: Negotiated NVSP version:60001")
        #expect(found.kind == .nvsp)
        #expect((found.major, found.minor) == (6, 1))
        #expect(try only("hv_netvsc: Negotiated NVSP version:30002").version == "3.2")
    }

    /// Values no field can hold are refused with a diagnostic, not read as a version.
    @Test(arguments: [
        "hv_utils: KVP IC version 65536.0",
        "hv_utils: Heartbeat IC version -1.0",
        "hv_balloon: Using Dynamic Memory protocol version 2.256",
        "hv_pci 8a4d9f35-6b5a-4c1e-9d27-3e81f0c4a6b2: PCI VMBus probing: Using version 0x100000004",
        "hyperv_drm 5620e0c7: [drm] Synthvid Version major 3, minor 5",
    ])
    func impossibleValuesAreRefused(_ line: String) {
        let facts = parseLog(line)
        #expect(facts.deviceProtocols.isEmpty)
        #expect(facts.diagnostics.count == 1)
    }

    /// The last line of a kind wins (a later boot, a re-offer); lines for different devices are
    /// all kept, in log order.
    @Test func lastOccurrenceWinsPerDevice() {
        let facts = parseLog(
            "hv_utils: Heartbeat IC version 1.0",
            "hv_pci 11111111-2222-3333-4444-555555555555: PCI VMBus probing: Using version 0x10003",
            "hv_pci aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee: PCI VMBus probing: Using version 0x10004",
            "hv_utils: Heartbeat IC version 3.0")
        #expect(facts.deviceProtocols.map(\.version) == ["1.3", "1.4", "3.0"])
        #expect(facts.deviceProtocols.map(\.kind) == [.vpci, .vpci, .heartbeat])
    }

    /// A log without any of these lines (hv_utils never loaded, or the lines rotated out of the
    /// ring buffer) gives none, never a guess.
    @Test func logWithoutTheLines() {
        let facts = parseLog(
            "[    0.987612] hv_vmbus: Vmbus version:5.2",
            "[    1.512930] hv_utils: Registering HyperV Utility Driver",
            "[    1.513044] hv_vmbus: registering driver hv_utils")
        #expect(facts.vmbusVersion == VMBusVersion(major: 5, minor: 2))
        #expect(facts.deviceProtocols.isEmpty)
    }
}
