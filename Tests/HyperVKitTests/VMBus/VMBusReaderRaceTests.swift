import Foundation
import Testing

@testable import HyperVKit

/// Devices and channels rescinded while hvctl reads them (issue 3, "Bad input and races"): the
/// host can withdraw an offer at any moment (vmbus_onoffer_rescind() in drivers/hv/channel_mgmt.c),
/// and sysfs removes the device's link and directory with it. The listing must complete, leave
/// the vanished object out, say so exactly once, and keep everything else as it was.
@Suite struct VMBusReaderRaceTests {
    /// ws2019-phantom-cpus: a clean tree (no diagnostics), whose NIC has channels 10, 12, 13, 14.
    static let fixture = "ws2019-phantom-cpus"
    static let nic = "7a3e1f08-c94d-4b62-8e15-2d6f0b9c4a73"
    static let nicPath = VMBusReader.devicesDirectory + "/" + nic

    /// The untouched fixture, read the same way: what everything but the vanished object must equal.
    private func reference(_ options: VMBusReader.Options) throws -> VMBusState {
        let path = FixtureCPUIDToolTests.fixturesDirectory.appendingPathComponent(Self.fixture).path
        let state = VMBusReader.read(try SnapshotMachine(path: path), options: options)
        #expect(state.diagnostics.isEmpty, "the reference tree is clean")
        return state
    }

    /// What sysfs removes with a device: its directory, its bus link and its driver's link.
    private func deviceFiles(in fixture: FixtureCopy) throws -> [String] {
        let link = "sys/bus/vmbus/devices/" + Self.nic
        return [
            try fixture.target(ofLink: link), fixture.root + "/" + link,
            fixture.root + "/sys/bus/vmbus/drivers/hv_netvsc/" + Self.nic,
        ]
    }

    @Test(arguments: [true, false])
    func aDeviceRemovedAfterTheListingIsSkippedWithOneWarning(_ everything: Bool) throws {
        let options: VMBusReader.Options = everything ? .everything : .devicesOnly
        let copy = try FixtureCopy(Self.fixture)
        let machine = VanishingMachine(
            base: try copy.machine(), removing: try deviceFiles(in: copy), afterListing: VMBusReader.devicesDirectory)
        let state = VMBusReader.read(machine, options: options)
        #expect(machine.didFire)
        #expect(state.present == true)
        #expect(state.devices == (try reference(options)).devices.filter { $0.deviceID != Self.nic })
        #expect(state.devices.count == 10)
        try #require(state.diagnostics.count == 1, "\(state.diagnostics)")
        #expect(state.diagnostics[0].path == Self.nicPath)
        #expect(state.diagnostics[0].message.contains(Self.nicPath))
        #expect(state.diagnostics[0].message.contains("vanished"))
        #expect(state.diagnostics[0].message.contains("rescinded"))
    }

    /// Rescinded after its channels were listed, while its attributes are being read: the failed
    /// reads are not reported one by one, only that the device vanished.
    @Test func aDeviceRemovedInTheMiddleOfItsScanGivesOneWarning() throws {
        let copy = try FixtureCopy(Self.fixture)
        let machine = VanishingMachine(
            base: try copy.machine(), removing: try deviceFiles(in: copy), afterListing: Self.nicPath + "/channels")
        let state = VMBusReader.read(machine, options: .everything)
        #expect(machine.didFire)
        #expect(state.devices == (try reference(.everything)).devices.filter { $0.deviceID != Self.nic })
        try #require(state.diagnostics.count == 1, "\(state.diagnostics)")
        #expect(state.diagnostics[0].path == Self.nicPath)
        #expect(state.diagnostics[0].message.contains("device vanished"))
    }

    @Test func aChannelRemovedAfterTheChannelListingIsSkippedWithOneWarning() throws {
        let copy = try FixtureCopy(Self.fixture)
        let device = try copy.target(ofLink: "sys/bus/vmbus/devices/" + Self.nic)
        let machine = VanishingMachine(
            base: try copy.machine(), removing: [device + "/channels/12"], afterListing: Self.nicPath + "/channels")
        let state = VMBusReader.read(machine, options: .everything)
        #expect(machine.didFire)
        let expected = try reference(.everything)
        #expect(state.devices.count == expected.devices.count)
        for (read, reference) in zip(state.devices, expected.devices) {
            var wanted = reference
            if wanted.deviceID == Self.nic { wanted.channels.removeAll { $0.relid == 12 } }
            #expect(read == wanted, "\(read.deviceID)")
        }
        let nic = try #require(state.devices.first { $0.deviceID == Self.nic })
        #expect(nic.channels.map(\.relid) == [10, 13, 14])
        try #require(state.diagnostics.count == 1, "\(state.diagnostics)")
        #expect(state.diagnostics[0].path == Self.nicPath + "/channels/12")
        #expect(state.diagnostics[0].message.contains("channel vanished"))
        #expect(state.diagnostics[0].message.contains("rescinded"))
    }
}
