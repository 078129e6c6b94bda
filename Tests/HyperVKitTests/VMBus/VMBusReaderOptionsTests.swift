import Foundation
import Testing

@testable import HyperVKit

/// `VMBusReader.Options.devicesOnly` skips what the text listing does not print (state, monitor,
/// modalias, the device link…) for speed: whatever it does read must be what a full read gives.
@Suite struct VMBusReaderOptionsTests {
    static let fixturesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static let fixtures = ["azure-d8ds-v5", "ws2016-gen1", "ws2019-phantom-cpus", "wsl2-26100", "azure-snp-cvm"]

    @Test(arguments: fixtures)
    func devicesOnlyAgreesWithAFullRead(_ fixture: String) throws {
        let machine = try SnapshotMachine(path: VMBusReaderOptionsTests.fixturesDirectory.path + "/" + fixture)
        let full = VMBusReader.read(machine, options: .everything)
        let listed = VMBusReader.read(machine, options: .devicesOnly)
        #expect(listed.present == true)
        #expect(listed.devices.count == full.devices.count)
        #expect(!listed.devices.isEmpty)
        for (mine, reference) in zip(listed.devices, full.devices) {
            #expect(mine.deviceID == reference.deviceID)
            #expect(mine.classID == reference.classID)
            #expect(mine.relid == reference.relid)
            #expect(mine.driver == reference.driver)
            #expect(mine.numaNode == reference.numaNode)
            #expect(mine.channels.map(\.relid) == reference.channels.map(\.relid))
            #expect(mine.channels.map(\.targetCPU) == reference.channels.map(\.targetCPU))
            #expect(mine.channels.map(\.isPrimary) == reference.channels.map(\.isPrimary))
            // Not read for the listing.
            #expect(mine.state == nil && mine.modalias == nil && mine.devicePath == nil)
            #expect(reference.state != nil && reference.modalias != nil && reference.devicePath != nil)
        }
    }
}
