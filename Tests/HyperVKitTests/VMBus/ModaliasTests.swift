import Foundation
import Testing

@testable import HyperVKit

/// `modalias` = `vmbus:` + the class GUID's 16 bytes as stored, first three fields little-endian
/// (reference §3.6), decoded without relying on the host's byte order.
@Suite struct ModaliasTests {
    /// The reference's own example: the NIC class.
    @Test func nicClassFromTheReference() {
        #expect(
            Modalias.modalias(forClassGUID: "f8615163-df3e-46c5-913f-f2d2f965ed0e")
                == "vmbus:635161f83edfc546913ff2d2f965ed0e")
        #expect(
            Modalias.classGUID(fromModalias: "vmbus:635161f83edfc546913ff2d2f965ed0e")
                == "f8615163-df3e-46c5-913f-f2d2f965ed0e")
    }

    /// The bytes of a `guid_t`: data1 63 51 61 f8, data2 3e df, data3 c5 46, data4 as written.
    @Test func memoryBytesAreLittleEndianFields() {
        #expect(
            Modalias.memoryBytes(ofGUID: "{F8615163-DF3E-46C5-913F-F2D2F965ED0E}")
                == [0x63, 0x51, 0x61, 0xF8, 0x3E, 0xDF, 0xC5, 0x46, 0x91, 0x3F, 0xF2, 0xD2, 0xF9, 0x65, 0xED, 0x0E])
    }

    /// Every class of reference §4 goes there and back.
    @Test(arguments: DeviceClassCatalog.all)
    func everyClassRoundTrips(_ deviceClass: DeviceClass) throws {
        let alias = try #require(Modalias.modalias(forClassGUID: deviceClass.guid))
        #expect(alias.count == 6 + 32)
        #expect(Modalias.classGUID(fromModalias: alias) == deviceClass.guid)
    }

    /// Heartbeat 57164f39-9115-4e78-ab55-382f3bd5422d: the three swapped fields are visible.
    @Test func heartbeat() {
        #expect(
            Modalias.modalias(forClassGUID: "57164f39-9115-4e78-ab55-382f3bd5422d")
                == "vmbus:394f16571591784eab55382f3bd5422d")
    }

    @Test(arguments: [
        "vmbus:635161f83edfc546913ff2d2f965ed0", "vmbus:635161f83edfc546913ff2d2f965ed0e00",
        "vmbus:635161f83edfc546913ff2d2f965edzz", "pci:v00001414d00000000", "", "vmbus:",
    ])
    func notAVMBusModalias(_ text: String) {
        #expect(Modalias.classGUID(fromModalias: text) == nil)
    }

    @Test func notAGUID() {
        #expect(Modalias.modalias(forClassGUID: "f8615163-df3e-46c5-913f") == nil)
        #expect(Modalias.modalias(forClassGUID: "g8615163-df3e-46c5-913f-f2d2f965ed0e") == nil)
    }

    /// A device whose modalias names another class gets a diagnostic naming both; one that
    /// agrees, or lacks either attribute, gets none.
    @Test func mismatchDiagnostic() throws {
        var device = VMBusDevice(
            deviceID: "000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c", sysfsPath: "/sys/bus/vmbus/devices/x")
        device.classID = "f8615163-df3e-46c5-913f-f2d2f965ed0e"
        device.modalias = "vmbus:635161f83edfc546913ff2d2f965ed0e"
        #expect(Modalias.mismatch(device) == nil)
        device.modalias = "vmbus:394f16571591784eab55382f3bd5422d"
        let diagnostic = try #require(Modalias.mismatch(device))
        #expect(diagnostic.path == "/sys/bus/vmbus/devices/x/modalias")
        #expect(diagnostic.message.contains("class 57164f39-9115-4e78-ab55-382f3bd5422d"))
        #expect(diagnostic.message.contains("class_id is f8615163-df3e-46c5-913f-f2d2f965ed0e"))
        device.modalias = "garbage"
        #expect(Modalias.mismatch(device)?.message.contains("no VMBus class GUID") == true)
        device.modalias = nil
        #expect(Modalias.mismatch(device) == nil)
    }

    /// Every device of every fixture: the modalias agrees with class_id (generate.py writes it
    /// with Python's `uuid.UUID(...).bytes_le`, an independent implementation).
    @Test(arguments: ["azure-d8ds-v5", "ws2016-gen1", "wsl2-26100", "vmbus-broken"])
    func fixturesAgree(_ fixture: String) throws {
        let machine = try SnapshotMachine(
            path: FixtureCPUIDToolTests.fixturesDirectory.appendingPathComponent(fixture).path)
        let state = VMBusReader.read(machine)
        #expect(state.devices.contains { $0.modalias != nil })
        #expect(!state.diagnostics.contains { $0.path?.hasSuffix("/modalias") == true })
    }

    /// The reader reports a mismatch it meets in a tree, as a warning, and keeps the device.
    @Test func readerWarnsAboutAMismatch() throws {
        let copy = try FixtureCopy("ws2019-phantom-cpus")
        let device = try copy.target(ofLink: "sys/bus/vmbus/devices/fd149e91-82e0-4a7d-afa6-2a4166cbd7c0")
        try "vmbus:635161f83edfc546913ff2d2f965ed0e\n".write(
            toFile: device + "/modalias", atomically: false, encoding: .utf8)
        let state = VMBusReader.read(try copy.machine())
        let warning = try #require(state.diagnostics.first { $0.path?.hasSuffix("/modalias") == true })
        #expect(warning.message.contains("names class f8615163-df3e-46c5-913f-f2d2f965ed0e"))
        #expect(warning.message.contains("class_id is 57164f39-9115-4e78-ab55-382f3bd5422d"))
        #expect(state.devices.contains { $0.deviceID == "fd149e91-82e0-4a7d-afa6-2a4166cbd7c0" })
    }
}
