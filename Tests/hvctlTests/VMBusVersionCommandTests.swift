import Foundation
import Testing

@testable import hvctl

/// `hvctl vmbus version` on the fixtures, whose logged versions the reference pairs with their
/// hosts (§8: WS2016 4.0, WS2019 5.2, WS2022 5.3; the pasted WS2012 R2 log 3.0).
@Suite struct VMBusVersionCommandTests {
    private func run(_ fixture: String, _ arguments: [String] = []) throws -> CommandOutput {
        try CommandHarness.run(["--snapshot", FixturePaths.snapshot(fixture), "vmbus", "version"] + arguments)
    }

    @Test(arguments: [
        ("azure-d8ds-v5", "5.3"), ("ws2016-gen1", "4.0"), ("ws2019-phantom-cpus", "5.2"), ("pasted-log", "3.0"),
        ("wsl2-26100", "5.3"), ("azure-arm64", "5.3"), ("azure-snp-cvm", "5.3"),
    ])
    func reportsTheLoggedVersion(_ fixture: String, _ version: String) throws {
        let output = try run(fixture, ["--json"])
        #expect(output.status == .success)
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(root["version"] as? String == version)
        #expect(root["source"] as? String == "kernel_log")
    }

    /// docs/json-schema.md's keys first and in its order, at the root and in each capability.
    @Test func theContractKeysComeFirst() throws {
        let text = try run("azure-d8ds-v5", ["--json"]).stdout
        let root = ["\"schema_version\"", "\"version\"", "\"source\"", "\"max_version\"", "\"capabilities\""]
        let positions = root.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == root.count)
        #expect(positions == positions.sorted())
        let capability = ["\"name\"", "\"min_version\"", "\"available\""]
        let first = capability.compactMap { text.range(of: $0)?.lowerBound }
        #expect(first.count == capability.count)
        #expect(first == first.sorted())
    }

    @Test(arguments: ["bare-metal", "kvm-guest", "kvm-hyperv-imitation"])
    func noVMBusExits69(_ fixture: String) throws {
        let output = try run(fixture)
        #expect(output.status == .notApplicable)
        #expect(output.stderrLines(verbose: true).last?.hasPrefix("hvctl: no VMBus on") == true)
    }

    @Test func theCapIsLabelledACap() throws {
        let output = try run("ws2016-gen1")
        #expect(output.stdout.contains("Max version (cap)  5.3"))
        #expect(output.stdout.contains("not the negotiated one"))
    }

    /// The built binary: results on stdout, the not-applicable line on stderr, exit 69.
    @Test func binaryExitStatuses() throws {
        let guest = try CommandHarness.runBinary(
            ["--snapshot", FixturePaths.snapshot("ws2019-phantom-cpus"), "vmbus", "version"])
        #expect(guest.status == 0)
        #expect(guest.stdout.hasPrefix("Version            5.2\n"))
        #expect(guest.stderr.isEmpty)
        let bare = try CommandHarness.runBinary(["--snapshot", FixturePaths.snapshot("bare-metal"), "vmbus", "version"])
        #expect(bare.status == 69)
        #expect(bare.stderr.contains("no VMBus"))
    }
}
