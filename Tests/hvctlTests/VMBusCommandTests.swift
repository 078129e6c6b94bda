import Foundation
import Testing

@testable import hvctl

/// `hvctl vmbus devices` and `hvctl vmbus channels`: filters, columns, sorting, headings, exit
/// statuses and the JSON contract (docs/json-schema.md), checked against the fixtures' files.
@Suite struct VMBusCommandTests {
    static let nicClass = "f8615163-df3e-46c5-913f-f2d2f965ed0e"
    static let serialClass = "8b60ccf6-709f-4c11-90b5-229c959a9e6a"
    static let azureNIC = "000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c"

    private func run(_ fixture: String, _ arguments: [String]) throws -> CommandOutput {
        try CommandHarness.run(["--snapshot", FixturePaths.snapshot(fixture), "vmbus"] + arguments)
    }

    /// The table's lines split into cells (no cell holds a space), heading dropped.
    private func rows(_ output: CommandOutput, headings: Bool = true) -> [[String]] {
        let lines = output.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        return headings ? Array(lines.dropFirst()) : lines
    }

    /// `-o guid,relid` rows as pairs, for comparing with the fixture's channel directories.
    private func channelIDs(_ fixture: String, _ arguments: [String]) throws -> Set<String> {
        let output = try run(fixture, ["channels", "-o", "guid,relid"] + arguments)
        #expect(output.status == .success)
        return Set(rows(output).map { $0.joined(separator: "/") })
    }

    private func expectUsageError(_ arguments: [String], mentioning text: String) {
        #expect {
            try run("azure-d8ds-v5", arguments)
        } throws: { error in
            guard let failure = error as? CommandFailure else { return false }
            let line = CommandRunner.line(for: failure)
            return failure.status == .usage && !line.contains("\n") && line.contains(text)
        }
    }

    // MARK: - Filters

    @Test func classByNameKeepsOnlyThatClass() throws {
        let facts = try VMBusFixtureFacts("azure-d8ds-v5")
        let devices = rows(try run("azure-d8ds-v5", ["devices", "--class", "nic"]))
        #expect(devices.map { $0.last ?? "" } == [Self.azureNIC])
        let expected = facts.channels.filter { $0.classID == Self.nicClass }.map { "\($0.device)/\($0.relid)" }
        #expect(expected.count == 8)
        #expect(try channelIDs("azure-d8ds-v5", ["--class", "nic"]) == Set(expected))
    }

    /// A class GUID, in any case and with or without braces, also for a class hvctl does not know.
    @Test(arguments: [
        serialClass, serialClass.uppercased(), "{\(serialClass)}", "00000016-facb-11e6-bd58-64006a7986d3",
    ])
    func classByGUID(_ guid: String) throws {
        let facts = try VMBusFixtureFacts("vmbus-broken")
        let wanted = guid.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "{}"))
        let expected = facts.channels.filter { $0.classID == wanted }.map { "\($0.device)/\($0.relid)" }
        #expect(expected.count == 1)
        #expect(try channelIDs("vmbus-broken", ["--class", guid]) == Set(expected))
        let devices = rows(try run("vmbus-broken", ["devices", "--class", guid]))
        #expect(devices.map { $0.last ?? "" } == facts.channels.filter { $0.classID == wanted }.map(\.device))
    }

    @Test func aKnownClassByGUIDEqualsItsName() throws {
        #expect(
            try channelIDs("azure-d8ds-v5", ["--class", Self.nicClass])
                == channelIDs("azure-d8ds-v5", ["--class", "NIC"]))
    }

    @Test func anUnknownClassIsAOneLineUsageError() throws {
        expectUsageError(["devices", "--class", "bogus"], mentioning: "unknown device class \"bogus\"")
        expectUsageError(["channels", "--class", "bogus"], mentioning: "unknown device class \"bogus\"")
        let result = try CommandHarness.runBinary([
            "--snapshot", FixturePaths.snapshot("azure-d8ds-v5"), "vmbus", "devices", "--class", "bogus",
        ])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("hvctl: unknown device class"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test(arguments: [("azure-d8ds-v5", 1), ("azure-d8ds-v5", 7), ("ws2016-gen1", 3), ("vmbus-broken", 2)])
    func cpuKeepsTheChannelsThatTargetIt(_ fixture: String, _ cpu: Int) throws {
        let expected = try VMBusFixtureFacts(fixture).channels.filter { $0.cpu == cpu }.map {
            "\($0.device)/\($0.relid)"
        }
        #expect(!expected.isEmpty)
        #expect(try channelIDs(fixture, ["--cpu", String(cpu)]) == Set(expected))
    }

    @Test(arguments: ["000d3a7c", "000D3A7C-3C9A", "{000d3a7c"])
    func deviceByPrefix(_ prefix: String) throws {
        let expected = try VMBusFixtureFacts("azure-d8ds-v5").channels.filter { $0.device == Self.azureNIC }
        #expect(expected.count == 8)
        #expect(
            try channelIDs("azure-d8ds-v5", ["--device", prefix]) == Set(expected.map { "\($0.device)/\($0.relid)" }))
    }

    // MARK: - Columns, sorting, headings

    @Test func chosenColumnsInTheirOrder() throws {
        let output = try run("azure-d8ds-v5", ["channels", "-o", "relid,cpu"])
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.first?.split(separator: " ") == ["RELID", "CPU"])
        let expected = try VMBusFixtureFacts("azure-d8ds-v5").channels.map { "\($0.relid) \($0.cpu ?? -1)" }
        #expect(Set(rows(output).map { $0.joined(separator: " ") }) == Set(expected))
        #expect(rows(output).count == expected.count)
    }

    /// A channel on an offline CPU is marked `!`; an empty `cpu` file falls back to
    /// `channel_vp_mapping` (relid 13 → CPU 3 in the fixture's mapping, issue 14) instead of `-`.
    @Test func cpuColumnMarksOfflineAndUnknown() throws {
        let cells = Dictionary(
            uniqueKeysWithValues: rows(try run("vmbus-broken", ["channels", "-o", "relid,cpu"])).map { ($0[0], $0[1]) })
        #expect(cells["12"] == "2!")
        #expect(cells["13"] == "3")
        #expect(cells["14"] == "1")
    }

    @Test func anUnknownColumnIsAOneLineUsageError() {
        expectUsageError(["channels", "-o", "relid,bogus"], mentioning: "unknown column \"bogus\"")
        expectUsageError(["channels", "--sort", "bogus"], mentioning: "unknown column \"bogus\"")
    }

    /// Largest first; the unreadable counters (`-`) last, in listing order.
    @Test func sortByInterruptsPutsTheLargestFirstAndUnknownLast() throws {
        let sorted = rows(try run("vmbus-broken", ["channels", "--sort", "interrupts", "-o", "relid,interrupts"]))
        let numbers = sorted.compactMap { UInt64($0[1]) }
        #expect(numbers == numbers.sorted(by: >))
        #expect(sorted.suffix(2).map { $0[1] } == ["-", "-"])
        #expect(sorted.suffix(2).map { $0[0] } == ["7", "11"])
        #expect(sorted.count == (try VMBusFixtureFacts("vmbus-broken")).channels.count)
    }

    @Test func noHeadingsDropsOnlyTheHeading() throws {
        let facts = try VMBusFixtureFacts("azure-d8ds-v5")
        let channels = try run("azure-d8ds-v5", ["channels", "-n"])
        #expect(!channels.stdout.hasPrefix("DEVICE"))
        #expect(rows(channels, headings: false).count == facts.channels.count)
        let devices = try run("azure-d8ds-v5", ["devices", "--no-headings"])
        #expect(!devices.stdout.hasPrefix("RELID"))
        #expect(rows(devices, headings: false).count == Set(facts.channels.map(\.device)).count)
    }

    @Test func listColumnsNamesEveryColumn() throws {
        let result = try CommandHarness.runBinary(["vmbus", "channels", "--list-columns"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("COLUMN") == true)
        #expect(lines.dropFirst().map { String($0.split(separator: " ")[0]) } == ChannelColumn.all.map(\.name))
    }

    // MARK: - Where there is nothing to list

    @Test(arguments: [
        ("kvm-guest", Int32(69), "no VMBus"), ("bare-metal", Int32(69), "no VMBus"),
        ("pasted-log", Int32(65), "partial snapshot"),
    ])
    func noVMBusIsOneLineAndItsExitStatus(_ fixture: String, _ status: Int32, _ says: String) throws {
        for command in ["devices", "channels"] {
            let result = try CommandHarness.runBinary(["--snapshot", FixturePaths.snapshot(fixture), "vmbus", command])
            #expect(result.status == status, "\(fixture) \(command)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("hvctl: ") && result.stderr.contains(says), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }
}
