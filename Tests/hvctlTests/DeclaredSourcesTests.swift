import Foundation
import Testing

@testable import HyperVKit
@testable import hvctl

/// Issue 16: every source is declared once (`SourceCatalog`), every command reads only declared
/// sources, and the declarations cover every path family the fixtures hold.
@Suite struct DeclaredSourcesTests {
    /// Every report command and the flags that change what is read.
    static let commands: [[String]] =
        GoldenTests.commands.map(\.arguments) + [
            ["vmbus", "devices", "-vv"], ["features", "--all"], ["detect"], ["cpu", "offline-check", "0"],
        ]

    @Test(arguments: FixturePaths.snapshotNames)
    func everyCommandReadsOnlyDeclaredSources(_ fixture: String) throws {
        var undeclared: [String: [String]] = [:]
        for command in DeclaredSourcesTests.commands + [["metrics"]] {
            for json in command == ["metrics"] ? [false] : [false, true] {
                let machine = RecordingMachine(try SnapshotMachine(path: FixturePaths.snapshot(fixture)))
                let parsed = try #require(
                    try HVCtl.parseAsRoot(command + (json ? ["--json"] : [])) as? any ReportCommand)
                _ = try? parsed.produce(CommandContext(machine: machine, json: json, color: false))
                for path in machine.paths where !SourceCatalog.declares(path) {
                    undeclared[path, default: []].append(command.joined(separator: " "))
                }
            }
        }
        #expect(undeclared.isEmpty, "\(fixture): read but not declared: \(undeclared.sorted { $0.key < $1.key })")
    }

    /// The recording machine really sees what commands read (else the test above proves nothing).
    @Test func theRecordingSeesTheReads() throws {
        let machine = RecordingMachine(try SnapshotMachine(path: FixturePaths.snapshot("azure-d8ds-v5")))
        let parsed = try #require(try HVCtl.parseAsRoot(["vmbus", "channels"]) as? any ReportCommand)
        _ = try parsed.produce(CommandContext(machine: machine, json: false, color: false))
        #expect(machine.paths.contains { $0.hasSuffix("/channels/1/cpu") })
        #expect(machine.paths.contains(VMBusReader.devicesDirectory))
        #expect(!SourceCatalog.declares("/sys/kernel/debug/hyperv"))
        #expect(!SourceCatalog.declares("/etc/shadow"))
    }

    /// The other direction for the VMBus reader, which declares the most: every device and channel
    /// file it declares as read is read by `vmbus channels` on a full fixture (a name declared but
    /// read by nothing would be captured for no reason, or read under another spelling).
    @Test func theVMBusReaderReadsEveryFileItDeclares() throws {
        let machine = RecordingMachine(try SnapshotMachine(path: FixturePaths.snapshot("azure-d8ds-v5")))
        let parsed = try #require(try HVCtl.parseAsRoot(["vmbus", "channels", "--json"]) as? any ReportCommand)
        _ = try parsed.produce(CommandContext(machine: machine, json: true, color: false))
        let names = Set(machine.paths.map { $0.split(separator: "/").last.map(String.init) ?? "" })
        for file in VMBusDeviceFile.allCases { #expect(names.contains(file.rawValue), "\(file.rawValue)") }
        for file in VMBusDeviceFile.Ring.allCases { #expect(names.contains(file.rawValue), "\(file.rawValue)") }
        for file in VMBusChannelFile.allCases { #expect(names.contains(file.rawValue), "\(file.rawValue)") }
        for file in VMBusDeviceFile.capturedForPeers { #expect(!names.contains(file), "\(file) is read after all") }
    }

    /// Every file and link of every fixture is a declared source, named by the path hvctl reads
    /// (through the fixture's own links, as a device's channels are read through
    /// `/sys/bus/vmbus/devices/<guid>`). Snapshot files that are not machine files (the
    /// manifest, dumps, PROVENANCE) are the snapshot format's own.
    /// The sources as `hvctl snapshot --list --json` prints them.
    static let listed: [MachineSource] = {
        guard let output = try? CommandHarness.run(["snapshot", "--list", "--json"]),
            let object = try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any],
            let sources = object["sources"] as? [[String: Any]]
        else { return [] }
        return sources.compactMap { entry in
            (entry["pattern"] as? String).map { MachineSource($0, reader: "listed", why: "") }
        }
    }()

    @Test func theListIsTheCatalogue() throws {
        #expect(DeclaredSourcesTests.listed.map(\.pattern) == SourceCatalog.all.map(\.pattern))
        let text = try CommandHarness.run(["snapshot", "--list"])
        #expect(text.status == .success)
        for source in SourceCatalog.all {
            #expect(text.stdout.contains("\n" + source.pattern + "\n    " + source.why + "\n"))
        }
        // The README's excerpt is real output.
        let readme = try String(
            contentsOf: FixturePaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let excerpt = try #require(readme.components(separatedBy: "$ hvctl snapshot --list\n").dropFirst().first)
        for line in excerpt.prefix(while: { $0 != "`" }).split(separator: "\n") where line != "..." {
            #expect(text.stdout.contains(line), "README: \(line)")
        }
    }

    @Test(arguments: FixturePaths.snapshotNames)
    func theListCoversEveryFixtureFile(_ fixture: String) throws {
        let root = URL(fileURLWithPath: FixturePaths.snapshot(fixture)).resolvingSymlinksInPath().path
        let own: Set<String> = ["hvctl-snapshot.json", "cpuid.txt", "kernel.log", "PROVENANCE.md", "README.md"]
        var entries: [String] = []
        var links: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        while let relative = enumerator.nextObject() as? String {
            let full = root + "/" + relative
            let attributes = try FileManager.default.attributesOfItem(atPath: full)
            let type = attributes[.type] as? FileAttributeType
            if type == .typeDirectory { continue }
            if own.contains(relative) || relative.hasPrefix("msr/") { continue }
            entries.append("/" + relative)
            if type == .typeSymbolicLink {
                let target = try FileManager.default.destinationOfSymbolicLink(atPath: full)
                let resolved = URL(
                    fileURLWithPath: target, relativeTo: URL(fileURLWithPath: full).deletingLastPathComponent()
                )
                .standardizedFileURL.path
                if resolved.hasPrefix(root + "/") { links["/" + relative] = String(resolved.dropFirst(root.count)) }
            }
        }
        var undeclared: [String] = []
        for entry in entries {
            // The names a file is read by: its own path and the path through each link to an
            // ancestor of it.
            var names = [entry]
            for (link, target) in links where entry.hasPrefix(target + "/") {
                names.append(link + entry.dropFirst(target.count))
            }
            let listed = DeclaredSourcesTests.listed
            if !names.contains(where: { name in listed.contains { $0.matches(name) } }) { undeclared.append(entry) }
        }
        #expect(!DeclaredSourcesTests.listed.isEmpty)
        #expect(undeclared.isEmpty, "\(fixture): no declaration covers \(undeclared.prefix(20))")
    }

    @Test func patternsMatchAsDocumented() {
        let channel = MachineSource("/sys/bus/vmbus/devices/*/channels/*/{cpu,events}", reader: "t", why: "t")
        #expect(channel.matches("/sys/bus/vmbus/devices/abc/channels/14/cpu"))
        #expect(channel.matches("/sys/bus/vmbus/devices/abc/channels/14/events"))
        #expect(!channel.matches("/sys/bus/vmbus/devices/abc/channels/14/pending"))
        #expect(!channel.matches("/sys/bus/vmbus/devices/abc/channels/14/cpu/x"))
        #expect(channel.passesThrough("/sys/bus/vmbus/devices/abc/channels"))
        #expect(!channel.passesThrough("/sys/bus/vmbus/drivers"))
        let cpu = MachineSource("/sys/devices/system/cpu/cpu*/online", reader: "t", why: "t")
        #expect(cpu.matches("/sys/devices/system/cpu/cpu12/online"))
        #expect(!cpu.matches("/sys/devices/system/cpu/online"))
        let clock = MachineSource("/c/*_clocksource", reader: "t", why: "t")
        #expect(clock.matches("/c/current_clocksource"))
        #expect(!clock.matches("/c/current_clocksources"))
        #expect(MachineSource("/a*b*c", reader: "t", why: "t").matches("/aXbYbZc"))
    }

    /// `--list` opens no machine: a snapshot that does not exist is never looked at.
    @Test func theListReadsNothing() throws {
        let result = try CommandHarness.runBinary(["--snapshot", "/nonexistent/hvctl-snapshot", "snapshot", "--list"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("A snapshot holds each of these"))
        #expect(result.stderr.isEmpty)
    }

    /// `--list` and `-o` exclude each other, and a capture needs `-o`: one line, exit 64.
    @Test(arguments: [
        (
            ["snapshot", "--list", "-o", "/tmp/never-written"],
            "--list prints what a snapshot would hold; it takes no -o"
        ),
        (["snapshot"], "missing expected argument '--output <path>'"),
    ])
    func listAndOutputAreUsageErrors(_ arguments: [String], _ message: String) throws {
        let result = try CommandHarness.runBinary(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("hvctl: " + message + "\n"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written"))
    }
}
