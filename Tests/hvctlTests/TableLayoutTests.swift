import Foundation
import HyperVKit
import Testing

@testable import hvctl

/// `-o COLUMNS` and `-n` on every listing (issue 14, item 7), through the built binary. The values
/// are azure-d8ds-v5's PROVENANCE: 8 CPUs, netvsc's 8 channels one per CPU, relid 1 the Dynamic
/// Memory device and relid 22 the vPCI device, VMBus 5.3 (hv_sock needs 4.0, reference §5.3).
@Suite struct TableLayoutTests {
    private func run(_ arguments: [String]) throws -> CommandHarness.ProcessResult {
        try CommandHarness.runBinary(["--snapshot", FixturePaths.snapshot("azure-d8ds-v5")] + arguments)
    }

    private func rows(_ arguments: [String]) throws -> [[String]] {
        let result = try run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    }

    @Test func cpuMapRowsAlone() throws {
        let map = try rows(["cpu", "map", "-n", "-o", "cpu,nic"])
        #expect(map == (0..<8).map { [String($0), "1"] })
    }

    @Test func cpuListColumnsInTheOrderAsked() throws {
        let list = try run(["cpu", "list", "-o", "CHANNELS,cpu"])
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.first?.split(separator: " ") == ["CHANNELS", "CPU"])
        #expect(lines.count == 9)
        #expect(lines.last?.split(separator: " ").last == "7")
    }

    @Test func vmbusDevicesAndVersion() throws {
        let devices = try run(["vmbus", "devices", "-n", "-o", "relid"]).stdout.split(separator: "\n")
        #expect(devices.first?.trimmingCharacters(in: .whitespaces) == "1")
        #expect(devices.last?.trimmingCharacters(in: .whitespaces) == "22")
        #expect(devices.count == 13)

        let version = try rows(["vmbus", "version", "-n", "-o", "name,min,available"])
        #expect(version.contains(["hv_sock", "4.0", "yes"]))
        #expect(!version.contains { $0.first == "Version" }, "-o prints the table alone")
    }

    @Test func msrOneTableWithACPUColumn() throws {
        let vpIndex = try rows(["msr", "VP_INDEX", "--all-cpus", "-n", "-o", "cpu,name,raw"])
        // VP_INDEX is per VP, and Hyper-V numbers the VPs like the CPUs (PROVENANCE).
        #expect(vpIndex == (0..<8).map { [String($0), "VP_INDEX", String(format: "0x%016x", $0)] })
    }

    @Test func healthAndItsCatalogue() throws {
        let ids = try rows(["health", "-n", "-o", "id"]).map { $0.joined() }
        #expect(ids == HealthCatalog.ids)
        let catalogue = try rows(["health", "--list", "-n", "-o", "id,severity"])
        #expect(catalogue.first == ["hyperv.detected", "fail"])
    }

    @Test(arguments: [
        ["cpu", "list"], ["cpu", "map"], ["vmbus", "devices"], ["vmbus", "version"], ["msr"], ["health"],
        ["vmbus", "channels"],
    ])
    func anUnknownColumnIsAUsageErrorNamingTheColumns(_ command: [String]) throws {
        let result = try run(command + ["-o", "nosuch"])
        #expect(result.status == 64, "\(command)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("hvctl: "), "\(command): \(result.stderr)")
        #expect(result.stderr.contains("nosuch"))
    }

    /// `-o` that names nothing, and `-o` beside the block formats of `vmbus devices -v`.
    @Test func columnListsThatCannotBeHonouredAreUsageErrors() throws {
        for list in ["", ",", " , "] {
            let result = try run(["cpu", "list", "-o", list])
            #expect(result.status == 64, "\"\(list)\"")
            #expect(result.stderr.hasPrefix("hvctl: -o names no column"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let verbose = try run(["vmbus", "devices", "-v", "-o", "relid"])
        #expect(verbose.status == 64)
        #expect(verbose.stderr.hasPrefix("hvctl: -o chooses table columns: it cannot be used with -v"))
        #expect(verbose.stdout.isEmpty)
    }

    @Test func completionOffersTheColumnsNotYetNamed() {
        let keys = ["relid", "cpu", "class"]
        #expect(TableLayout.completions(of: "", among: keys) == ["relid", "cpu", "class"])
        #expect(TableLayout.completions(of: "relid,c", among: keys) == ["relid,cpu", "relid,class"])
        #expect(TableLayout.completions(of: "relid,cpu,", among: keys) == ["relid,cpu,class"])
    }

    /// The shell asks the binary (`---completion`) for a table's own columns.
    @Test func theShellGetsEachTablesColumns() throws {
        let result = try CommandHarness.runBinary(
            ["---completion", "cpu", "list", "--", "-o", "4", "4", "hvctl", "cpu", "list", "-o", "cpu,"],
            environment: ["SAP_SHELL": "bash"])
        #expect(result.stdout.split(separator: "\n").contains("cpu,channels"), "\(result.stdout)\(result.stderr)")
        let channels = try CommandHarness.runBinary(
            ["---completion", "vmbus", "channels", "--", "-o", "4", "0", "hvctl", "vmbus", "channels", "-o", ""],
            environment: ["SAP_SHELL": "bash"])
        #expect(channels.stdout.split(separator: "\n").contains("relid"), "\(channels.stdout)\(channels.stderr)")
    }
}
