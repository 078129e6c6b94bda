import Foundation
import Testing

@testable import HyperVKit

/// One unreadable or garbled attribute becomes nil plus one diagnostic naming its path, and the
/// listing goes on (docs/architecture.md ("Style"): lsvmbus dies with an IndexError on one missing file). Errnos as
/// sysfs returns them (reference §3.2/§3.3: EIO without a show routine, EINVAL without a ring).
@Suite struct VMBusAttributeFaultTests {
    static let fixture = FixtureCPUIDToolTests.fixturesDirectory.appendingPathComponent("ws2019-phantom-cpus").path
    static let nic = VMBusReader.devicesDirectory + "/7a3e1f08-c94d-4b62-8e15-2d6f0b9c4a73"
    static let scsi = VMBusReader.devicesDirectory + "/e6b2d905-4f7a-4c13-a8e9-31b5c0d7f286"

    @Test func failedReadsAndGarbageGiveNilAndADiagnosticNamingThePath() throws {
        let base = try SnapshotMachine(path: Self.fixture)
        let faults: [String: FaultyMachine.Fault] = [
            Self.nic + "/channels/12/interrupts": .fail(.unreadable(.EIO)),
            Self.nic + "/channels/13/events": .fail(.unreadable(.EACCES)),
            Self.nic + "/channels/14/events": .content("12abc\n"),
            Self.scsi + "/numa_node": .fail(.unreadable(.EIO)),
        ]
        let state = VMBusReader.read(FaultyMachine(base: base, faults: faults), options: .everything)
        var expected = VMBusReader.read(base, options: .everything)
        #expect(expected.diagnostics.isEmpty)
        for index in expected.devices.indices {
            for channel in expected.devices[index].channels.indices {
                let path =
                    expected.devices[index].sysfsPath + "/channels/"
                    + String(expected.devices[index].channels[channel].relid)
                if faults[path + "/interrupts"] != nil { expected.devices[index].channels[channel].interrupts = nil }
                if faults[path + "/events"] != nil { expected.devices[index].channels[channel].events = nil }
            }
            if faults[expected.devices[index].sysfsPath + "/numa_node"] != nil {
                expected.devices[index].numaNode = nil
            }
        }
        #expect(state.devices == expected.devices, "only the four faulty values are missing")
        #expect(Set(state.diagnostics.compactMap(\.path)) == Set(faults.keys))
        #expect(state.diagnostics.count == 4)
        for diagnostic in state.diagnostics {
            let path = try #require(diagnostic.path)
            #expect(diagnostic.message.contains(path), "\(diagnostic.message)")
        }
        let messages = Dictionary(uniqueKeysWithValues: state.diagnostics.map { ($0.path ?? "", $0) })
        #expect(messages[Self.nic + "/channels/12/interrupts"]?.message.hasSuffix("input/output error") == true)
        #expect(messages[Self.nic + "/channels/13/events"]?.message.hasSuffix("permission denied") == true)
        #expect(messages[Self.nic + "/channels/13/events"]?.hint == "run as root")
        #expect(messages[Self.nic + "/channels/14/events"]?.message.contains("not a number: \"12abc\"") == true)
    }

    /// Each shape of bad value, read through the same reader the listing uses.
    @Test(arguments: [
        ("abc\n", "not a number: \"abc\""),
        ("0x10\n", "not a number"),
        ("\n", "is empty"),
        ("", "is empty"),
        ("99999999999999999999999\n", "number out of range: \"99999999999999999999999\""),
        ("\u{0}\u{0}", "binary content"),
        ("1\u{0}", "binary content"),
    ])
    func aBadValueIsNilWithItsDiagnostic(_ content: String, _ expected: String) throws {
        let path = Self.nic + "/channels/10/interrupts"
        let machine = FaultyMachine(base: try SnapshotMachine(path: Self.fixture), faults: [path: .content(content)])
        var reader = AttributeReader(machine: machine)
        #expect(reader.uint64(path) == nil)
        #expect(reader.int(path) == nil)
        #expect(reader.diagnostics.count == 2)
        for diagnostic in reader.diagnostics {
            #expect(diagnostic.path == path)
            #expect(diagnostic.message.contains(path) && diagnostic.message.contains(expected), "\(diagnostic.message)")
        }
    }

    /// The largest `%llu` still reads (reference §3.3: interrupts and events are `%llu`).
    @Test func theLargestCounterReads() throws {
        let path = Self.nic + "/channels/10/interrupts"
        let machine = FaultyMachine(
            base: try SnapshotMachine(path: Self.fixture), faults: [path: .content("18446744073709551615\n")])
        var reader = AttributeReader(machine: machine)
        #expect(reader.uint64(path) == UInt64.max)
        #expect(reader.diagnostics.isEmpty)
    }

    /// A hidden attribute (monitor attributes without a monitor, §3.2) is normal; a required one
    /// that is missing is a diagnostic.
    @Test func absentIsSilentOnlyWhenOptional() throws {
        let path = Self.nic + "/channels/10/no_such_attribute"
        var reader = AttributeReader(machine: try SnapshotMachine(path: Self.fixture))
        #expect(reader.int(path, .optional) == nil)
        #expect(reader.diagnostics.isEmpty)
        #expect(reader.int(path) == nil)
        #expect(reader.diagnostics.map(\.message) == ["\(path) is missing"])
    }
}
