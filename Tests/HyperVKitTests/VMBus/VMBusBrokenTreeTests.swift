import Foundation
import Testing

@testable import HyperVKit

/// The vmbus-broken fixture holds one of every defect (its PROVENANCE.md): each must become a nil
/// value (or a skipped entry) with exactly one diagnostic naming its path, and nothing else of the
/// listing may suffer. Expected values are the fixture's files, not earlier output.
@Suite struct VMBusBrokenTreeTests {
    static let root = FixtureCPUIDToolTests.fixturesDirectory.appendingPathComponent("vmbus-broken").path
    static let devices = VMBusReader.devicesDirectory + "/"
    static let heartbeat = "fd149e91-82e0-4a7d-afa6-2a4166cbd7c0"
    static let kvp = "242ff919-07db-4180-9c2e-b86cb68c8c55"
    static let shutdown = "b6650ff7-33bc-4840-8048-e0676786f393"
    static let vss = "c2a7f0e4-6b19-4d3a-8f52-e07b9d41a6c3"
    static let nic = "4e8b2d71-a05c-4f36-9b1e-d3c6f8027a59"
    static let scsi = "a3f61c08-7d4e-4b92-85a0-6e1b9c2d7f34"
    static let serial = "0b7d3e52-c1a8-4f69-a2d4-8e5f07b31c96"
    static let hvsock = "d85c1a3e-72f0-4b6d-9e28-3a4f6c0b51e7"
    static let vanished = "6f2e9b04-3c8d-4a17-b5e6-1d09a7c42f83"

    private func read() throws -> VMBusState {
        VMBusReader.read(try SnapshotMachine(path: Self.root), options: .everything)
    }

    private func device(_ state: VMBusState, _ id: String) throws -> VMBusDevice {
        try #require(state.devices.first { $0.deviceID == id }, "\(id) missing")
    }

    /// A counter as the fixture file holds it.
    private func fileNumber(_ device: String, _ relative: String) throws -> UInt64 {
        let url = URL(fileURLWithPath: Self.root + "/sys/bus/vmbus/devices/" + device + "/" + relative)
        let text = try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return try #require(UInt64(text))
    }

    @Test func everyDefectIsOneDiagnosticNamingItsPath() throws {
        let state = try read()
        let expected: [(path: String, says: String)] = [
            (Self.heartbeat + "/class_id", "is missing"),
            (Self.vss + "/id", "not a number: \"abc\""),
            (Self.kvp + "/numa_node", "binary content"),
            (Self.nic + "/channels/13/cpu", "is empty: target CPU 3 taken from channel_vp_mapping"),
            (Self.nic + "/channel_vp_mapping", "not a relid:cpu line: \"14:\""),
            (Self.nic + "/channels/12", "interrupts target CPU 2, which is offline"),
            (Self.scsi + "/channels/11/interrupts", "number out of range"),
            (Self.scsi + "/channels/11.orig", "not a relid"),
            (Self.shutdown + "/channels/7/interrupts", "permission denied"),
            (Self.serial + "/channels/15", "ring buffers not allocated (EINVAL)"),
            (Self.vanished, "device vanished during the scan (rescinded)"),
        ]
        #expect(state.diagnostics.count == expected.count, "\(state.diagnostics.map(\.message))")
        for (relative, says) in expected {
            let path = Self.devices + relative
            let matching = state.diagnostics.filter { $0.path == path }
            #expect(matching.count == 1, "\(path)")
            #expect(matching.first?.message.contains(path) == true, "\(matching.first?.message ?? path)")
            #expect(matching.first?.message.contains(says) == true, "\(matching.first?.message ?? path)")
        }
    }

    @Test func theListingIsCompleteWithoutTheVanishedDevice() throws {
        let state = try read()
        let listed = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/sys/bus/vmbus/devices")
        #expect(Set(state.devices.map(\.deviceID)) == Set(listed).subtracting([Self.vanished]))
        // sorted by relid as lsvmbus sorts; the one whose id is garbage comes last
        #expect(state.devices.map { $0.relid ?? -1 } == [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 15, 16, -1])
        #expect(state.devices.last?.deviceID == Self.vss)
        #expect(try device(state, Self.vss).channels.map(\.relid) == [9])
        #expect(try device(state, Self.vss).primaryChannel?.relid == 9)
    }

    @Test func unreadableValuesAreNilAndTheirNeighboursIntact() throws {
        let state = try read()
        let heartbeat = try device(state, Self.heartbeat)
        #expect(heartbeat.classID == nil && heartbeat.deviceClass == nil)
        #expect(heartbeat.driver == "hv_utils" && heartbeat.relid == 5)
        #expect(try device(state, Self.kvp).numaNode == nil)
        #expect(try device(state, Self.kvp).deviceClass?.shortName == "kvp")

        let nic = try device(state, Self.nic)
        #expect(nic.channels.map(\.relid) == [10, 12, 13, 14])
        // relid 13's cpu file is empty: its target is the mapping's "13:3", marked as such
        #expect(nic.channels.map(\.targetCPU) == [0, 2, 3, 1])
        #expect(nic.channels.map(\.targetFromMapping) == [false, false, true, false])
        #expect(nic.channelCPUMapping?.map(\.relid) == [10, 12, 13])
        #expect(nic.channelCPUMapping?.map(\.cpu) == [0, 2, 3])
        #expect(state.onlineCPUs == CPUList([0, 1, 3]))

        let scsi = try device(state, Self.scsi)
        #expect(scsi.channels.map(\.relid) == [11])
        #expect(scsi.channels[0].interrupts == nil)
        #expect(scsi.channels[0].events == (try fileNumber(Self.scsi, "channels/11/events")))

        let shutdown = try device(state, Self.shutdown).channels[0]
        #expect(shutdown.interrupts == nil)
        #expect(shutdown.events == (try fileNumber(Self.shutdown, "channels/7/events")))
    }

    /// An EACCES recorded by the capture cannot be cured by running hvctl as root.
    @Test func aPermissionProblemOfTheCaptureDoesNotHintRoot() throws {
        let state = try read()
        let path = Self.devices + Self.shutdown + "/channels/7/interrupts"
        let diagnostic = try #require(state.diagnostics.first { $0.path == path })
        #expect(diagnostic.hint == "the capture recorded it unreadable")
    }

    @Test func anUnopenedChannelHasNoRingValues() throws {
        let serial = try device(try read(), Self.serial)
        #expect(serial.deviceClass == nil && serial.classID == "8b60ccf6-709f-4c11-90b5-229c959a9e6a")
        #expect(serial.knownClassName == nil && serial.className == serial.classID)
        #expect(serial.driver == nil && serial.state == 0)
        let channel = try #require(serial.channels.first)
        #expect(channel.inbound == VMBusChannel.Ring() && channel.outbound == VMBusChannel.Ring())
        #expect(channel.interrupts == 0 && channel.targetCPU == 0)
        #expect(serial.inboundRingSize == nil && serial.outboundRingSize == nil)
    }

    /// Reference §3.7: an hv_sock connection's class is its service GUID; not an unknown class.
    @Test func anHvSockDeviceIsNamedAsSuch() throws {
        let hvsock = try device(try read(), Self.hvsock)
        #expect(hvsock.classID == "00000016-facb-11e6-bd58-64006a7986d3")
        #expect(hvsock.deviceClass == nil)
        #expect(hvsock.knownClassName == "hv_sock connection")
        #expect(hvsock.driver == "hv_sock")
    }
}
