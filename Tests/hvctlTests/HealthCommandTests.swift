import Foundation
import HyperVKit
import Testing

@testable import hvctl

/// hvctl health and hvctl metrics as the built binary: exit statuses, configuration errors,
/// selection, and the atomic --output.
@Suite struct HealthCommandTests {
    func run(_ arguments: [String], fixture: String = "azure-d8ds-v5") throws -> CommandHarness.ProcessResult {
        try CommandHarness.runBinary(["--snapshot", FixturePaths.snapshot(fixture)] + arguments)
    }

    func temporary(_ name: String, _ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hvctl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test func exitStatuses() throws {
        #expect(try run(["health"]).status == 0)
        #expect(try run(["health"], fixture: "azure-degraded").status == 1)
        // azure-snp-cvm only warns (CRASH_CTL 0): 0, or 1 with --fail-on warn
        #expect(try run(["health"], fixture: "azure-snp-cvm").status == 0)
        #expect(try run(["health", "--fail-on", "warn"], fixture: "azure-snp-cvm").status == 1)
        // not Hyper-V: hyperv.detected fails, the answer is no (1), not "not applicable" (69)
        #expect(try run(["health"], fixture: "kvm-guest").status == 1)
        // only what is asked: the failing checks left out, the run passes
        let subset = try run(
            ["health", "--check", "hyperv.detected,host.supported", "--check", "clocksource"],
            fixture: "azure-degraded")
        #expect(subset.status == 0)
        #expect(subset.stdout.split(separator: "\n").count == 1 + 3 + 1)  // heading, 3 rows, status
        #expect(try run(["health", "--skip", "vmbus.devices_bound"], fixture: "azure-degraded").status == 0)
    }

    /// `health -q`, as `grep -q`: the exit status alone, nothing on stdout or stderr, and the same
    /// status as the full run (azure-degraded fails; azure-d8ds-v5 passes; kvm-guest is not Hyper-V).
    @Test func quietAnswersWithTheStatusAlone() throws {
        for (fixture, status) in [("azure-d8ds-v5", Int32(0)), ("azure-degraded", 1), ("kvm-guest", 1)] {
            let quiet = try run(["health", "-q"], fixture: fixture)
            #expect(quiet.status == status, "\(fixture)")
            #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(fixture): \(quiet.stdout)\(quiet.stderr)")
            #expect(try run(["health"], fixture: fixture).status == status, "\(fixture)")
        }
        for excluded in [
            ["--json", "health", "-q"], ["health", "-q", "--format", "tap"], ["health", "-q", "--list"],
        ] {
            let result = try run(excluded)
            #expect(result.status == 64, "\(excluded)")
            #expect(result.stdout.isEmpty || result.stdout.contains("\"exit_status\": 64"), "\(excluded)")
        }
    }

    /// A capture holding only its manifest: hyperv.detected fails without calling the machine
    /// "not a Hyper-V guest", and the other checks are skipped as unavailable, not not_applicable.
    @Test func aCaptureThatTellsNothingIsUnknownNotNo() throws {
        let directory = try TemporaryDirectory(prefix: "hvctl-empty-")
        let manifest = #"{"format": 1, "created_at": "2026-12-03T10:00:00Z", "tool": "hvctl 0.1.0", "arch": "x86_64"}"#
        try Data((manifest + "\n").utf8).write(to: URL(fileURLWithPath: directory.path + "/hvctl-snapshot.json"))
        let result = try CommandHarness.runBinary(["--snapshot", directory.path, "--json", "health"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let checks = try #require(object["checks"] as? [[String: Any]])
        let detected = try #require(checks.first { $0["id"] as? String == "hyperv.detected" })
        #expect(detected["status"] as? String == "fail")
        #expect((detected["summary"] as? String)?.hasPrefix("cannot tell whether this is a Hyper-V guest") == true)
        let others = checks.filter { $0["id"] as? String != "hyperv.detected" }
        #expect(!others.isEmpty)
        #expect(others.allSatisfy { $0["status"] as? String == "skip" })
        // Checks with nothing configured say so first; none claims "not applicable" (not Hyper-V).
        #expect(!others.contains { $0["skip_reason"] as? String == "not_applicable" })
        #expect(others.filter { $0["skip_reason"] as? String == "unavailable" }.count == others.count - 2)
    }

    /// A configuration whose checks.skip names every check leaves nothing to run: no pass, but
    /// exit 65 naming the file (the command line alone would be 64).
    @Test func aConfigurationThatSkipsEveryCheckIsNoAnswer() throws {
        let ids = HealthCatalog.ids.map { "\"\($0)\"" }.joined(separator: ", ")
        let path = try temporary("all.toml", "[checks]\nskip = [\(ids)]\n")
        for command in [["health", "--config", path], ["health", "--config", path, "--format", "junit"]] {
            let result = try run(command)
            #expect(result.status == 65, "\(command)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == "hvctl: \(path)'s checks.skip leaves no check to run\n", "\(result.stderr)")
        }
        let flags = try run(["health", "--check", "clocksource", "--skip", "clocksource"])
        #expect(flags.stderr.hasPrefix("hvctl: --check and --skip leave no check to run"))
    }

    @Test func unknownCheckIsAUsageErrorListingTheIDs() throws {
        let result = try run(["health", "--check", "vmbus.versoin"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown check \"vmbus.versoin\""))
        for id in HealthCatalog.ids { #expect(result.stderr.contains(id)) }
        #expect(try run(["health", "--skip", "nope"]).status == 64)
    }

    /// Errors name the file as the user gave it (issue 14: the basename alone is ambiguous).
    @Test func badConfigurationIsOneLineNamingFileAndLine() throws {
        let toml = try temporary(
            "health.toml",
            "# thresholds\n[vmbus]\nmin_version = \"4.0\"\n\n[channels.balance]\n# how uneven\nmax_ratio = \"two\"\n")
        let result = try run(["health", "--config", toml])
        #expect(result.status == 65)
        #expect(
            result.stderr == "hvctl: \(toml):7: expected a number for channels.balance.max_ratio, found a string\n")
        let typo = try temporary(
            "health.toml", "[rings]\nmax_fill_percent = 80\n[vmbus]\nexpected_device = [\"nic\"]\n")
        let unknown = try run(["health", "--config", typo])
        #expect(
            unknown.status == 65 && unknown.stderr.hasPrefix("hvctl: \(typo):4: unknown key vmbus.expected_device"))
        let syntax = try temporary("bad.toml", "[vmbus]\nmin_version = \n")
        let invalid = try run(["health", "--config", syntax])
        #expect(invalid.status == 65 && invalid.stderr.hasPrefix("hvctl: \(syntax):2: invalid TOML"))
        let json = try temporary("health.json", "{\n  \"isolation\": {\"expected\": 3}\n}\n")
        let jsonResult = try run(["health", "--config", json])
        #expect(jsonResult.status == 65 && jsonResult.stderr.hasPrefix("hvctl: \(json):2: expected one of"))
        #expect(try run(["health", "--config", "/nonexistent/health.toml"]).status == 65)
    }

    @Test func configurationChangesTheChecks() throws {
        let toml = try temporary(
            "health.toml",
            """
            [vmbus]
            min_version = "5.3"
            expected_devices = ["nic", "scsi"]

            [isolation]
            expected = "none"

            [severity]
            "vmbus.version" = "warn"
            "cpu.phantom" = "warn"
            """)
        let result = try run(["health", "--config", toml, "--json"], fixture: "ws2019-phantom-cpus")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let checks = try #require(report["checks"] as? [[String: Any]])
        func status(_ id: String) -> String? { checks.first { $0["id"] as? String == id }?["status"] as? String }
        #expect(status("vmbus.version") == "warn")  // 5.2 < 5.3, severity lowered to warn
        #expect(status("vmbus.expected_devices") == "pass")
        #expect(status("isolation.expected") == "pass")
        #expect(status("cpu.phantom") == "warn")
        #expect(report["status"] as? String == "warn" && result.status == 0)
    }

    /// The contract keys (docs/json-schema.md), in order, then hvctl's additions.
    @Test func jsonContract() throws {
        let result = try run(["health", "--json"], fixture: "vmbus-broken")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let report = try #require(object as? [String: Any])
        #expect(report["schema_version"] as? Int == 1)
        #expect(report["status"] as? String == "fail")
        let checks = try #require(report["checks"] as? [[String: Any]])
        #expect(checks.map { $0["id"] as? String } == HealthCatalog.ids)
        for check in checks {
            #expect(["pass", "warn", "fail", "skip"].contains(check["status"] as? String ?? ""))
            #expect(check["summary"] is String && check["details"] is [String: Any])
        }
        let text = try #require(result.stdout.range(of: "\"checks\"").map { result.stdout[$0.upperBound...] })
        let order = ["\"id\"", "\"status\"", "\"summary\"", "\"details\"", "\"severity\"", "\"title\"", "\"reason\""]
        let positions = order.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
        #expect(try run(["health", "--json", "--format", "tap"]).status == 64)
    }

    @Test func metricsOutputIsWrittenAtomically() throws {
        let path = try temporary("hvctl.prom", "old\n")
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        let result = try run(["metrics", "--output", path], fixture: "azure-degraded")
        #expect(result.status == 0 && result.stdout.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        // The same metrics as stdout, but for the run's clock readings.
        func steady(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter {
                !$0.hasPrefix("hvctl_run_timestamp") && !$0.hasPrefix("hvctl_run_duration")
            }
        }
        #expect(steady(written) == steady(try run(["metrics"], fixture: "azure-degraded").stdout))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["hvctl.prom"])
        let missing = try run(["metrics", "--output", "/nonexistent-dir/hvctl.prom"])
        #expect(missing.status == 74 && missing.stderr.contains("cannot create"))
    }

    @Test func listShowsEveryCheck() throws {
        let result = try CommandHarness.runBinary(["health", "--list"])
        #expect(result.status == 0)
        for check in HealthCatalog.all {
            #expect(result.stdout.contains("\(check.id)") && result.stdout.contains(check.title))
        }
    }
}
