import Foundation
import HyperVKit
import Testing

/// Issue 14 through the built binary: no "yes" without evidence, output that cannot be lost, one
/// vocabulary, errors a script can read. Each test names the defect it guards against; the facts
/// come from the fixtures' PROVENANCE (vmbus-broken: relid 13's `cpu` is empty, its
/// `channel_vp_mapping` line is "13:3"; azure-degraded: NIC relid 17's outbound ring is 96.1% full).
@Suite struct ScriptTrustTests {
    private func run(_ fixture: String, _ arguments: [String]) throws -> CommandHarness.ProcessResult {
        try CommandHarness.runBinary(["--snapshot", FixturePaths.snapshot(fixture)] + arguments)
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not JSON: \(text)")
    }

    // MARK: - 1. No false yes

    /// A channel whose `cpu` cannot be read still holds its CPU: the target comes from
    /// `channel_vp_mapping` and the run says so.
    @Test func anUnreadableTargetStillBlocksItsCPU() throws {
        let check = try run("vmbus-broken", ["cpu", "offline-check", "3"])
        #expect(check.status == 1, "\(check.stdout)")
        #expect(check.stdout.contains("cannot go offline"))
        #expect(check.stdout.contains("relid 13"))
        #expect(check.stderr.contains("channels/13/cpu is empty: target CPU 3 taken from channel_vp_mapping"))

        let evacuate = try json(try run("vmbus-broken", ["--json", "cpu", "evacuate", "3"]).stdout)
        let moves = try #require(evacuate["moves"] as? [[String: Any]])
        #expect(moves.contains { $0["relid"] as? Int == 13 && $0["from"] as? Int == 3 })

        let list = try json(try run("vmbus-broken", ["--json", "cpu", "list"]).stdout)
        let cpus = try #require(list["cpus"] as? [[String: Any]])
        let cpu3 = try #require(cpus.first { $0["cpu"] as? Int == 3 })
        #expect((cpu3["channels"] as? [Any])?.count == 1)
    }

    /// With neither `cpu` nor a mapping line, the target is unknown, and unknown blocks.
    @Test func aTargetNobodyCanReadBlocksEveryCPU() throws {
        let directory = try TemporaryDirectory(prefix: "hvctl-trust-")
        let copy = directory.path + "/snap"
        try FileManager.default.copyItem(atPath: FixturePaths.snapshot("azure-d8ds-v5"), toPath: copy)
        let devices = copy + "/sys/bus/vmbus/devices"
        let nic = try #require(
            try FileManager.default.contentsOfDirectory(atPath: devices).first { id in
                let classID = try? String(contentsOfFile: "\(devices)/\(id)/class_id", encoding: .utf8)
                return classID?.contains("f8615163-df3e-46c5-913f-f2d2f965ed0e") == true
            })
        let channels = try FileManager.default.contentsOfDirectory(atPath: "\(devices)/\(nic)/channels").sorted()
        let relid = try #require(channels.last)
        try Data().write(to: URL(fileURLWithPath: "\(devices)/\(nic)/channels/\(relid)/cpu"))
        try? FileManager.default.removeItem(atPath: "\(devices)/\(nic)/channel_vp_mapping")
        // CPU 7 holds no channel in the fixture but one, maybe this one, is now unknown.
        let result = try CommandHarness.runBinary(["--snapshot", copy, "cpu", "offline-check", "7"])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("target_unknown"))
        #expect(result.stdout.contains("relid \(relid)"))
    }

    /// `--all` with no CPU list to check is a data error, never an empty pass.
    @Test func offlineCheckAllWithoutCPUsIsNotAPass() throws {
        let result = try run("pasted-log", ["--json", "cpu", "offline-check", "--all"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("holds no list of online CPUs"))
        let error = try #require(try json(result.stdout)["error"] as? [String: Any])
        #expect(error["exit_status"] as? Int == 65)
    }

    @Test func checksAllSkippedAwayIsAUsageError() throws {
        let result = try run("azure-d8ds-v5", ["health", "--check", "clocksource", "--skip", "clocksource"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("hvctl: "))
        #expect(result.stdout.isEmpty)
    }

    /// CPU 0 can never go offline (reference §6.1): the plan says so before anything else.
    @Test func evacuatingCPU0SaysItCanNeverGoOffline() throws {
        let result = try run("azure-d8ds-v5", ["cpu", "evacuate", "0"])
        #expect(result.stdout.hasPrefix("note: CPU 0 is the VMBus connect CPU"), "\(result.stdout)")
        #expect(result.stderr.contains("it can never go offline"))
    }

    /// Filtering by CPU keeps the ring sizes the primary channel gives its sub-channels.
    @Test func aCPUFilterKeepsRingFill() throws {
        let text = try run("azure-degraded", ["vmbus", "channels", "--cpu", "1", "-o", "relid,out-fill"])
        let row = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("   17") || $0.hasPrefix("17") })
        #expect(row.hasSuffix("96.1%"), "\(text.stdout)")
        let document = try json(try run("azure-degraded", ["--json", "vmbus", "channels", "--cpu", "1"]).stdout)
        let devices = try #require(document["devices"] as? [[String: Any]])
        let channel = try #require(
            devices.flatMap { ($0["channels"] as? [[String: Any]]) ?? [] }.first { $0["relid"] as? Int == 17 })
        let ring = try #require(channel["out_ring"] as? [String: Any])
        #expect(ring["fill_percent"] as? Double == 96.1)
    }

    // MARK: - 2. Output that cannot be lost

    private func runToFull(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = CommandHarness.binary
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin"]
        process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    @Test(arguments: [["health"], ["metrics"], ["info", "--json"], ["vmbus", "channels"]])
    func aFullDiskIsExit74(_ command: [String]) throws {
        let result = try runToFull(["--snapshot", FixturePaths.snapshot("azure-d8ds-v5")] + command)
        #expect(result.status == 74, "\(command): \(result.stderr)")
        #expect(result.stderr.contains("hvctl: cannot write the output: no space left on device"))
    }

    // MARK: - 3. One vocabulary

    /// `hv_sock` is a class everywhere: `--class`, configs, tables, JSON and metrics.
    @Test func hvSockIsOneClassEverywhere() throws {
        let table = try run("vmbus-broken", ["vmbus", "channels", "--class", "hv_sock", "-o", "class,relid"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("hv_sock"))
        let hyphen = try run("vmbus-broken", ["vmbus", "channels", "--class", "hv-sock", "-o", "class,relid"])
        #expect(hyphen.stdout == table.stdout)

        let document = try json(try run("vmbus-broken", ["--json", "vmbus", "devices", "--class", "hv_sock"]).stdout)
        let devices = try #require(document["devices"] as? [[String: Any]])
        #expect(!devices.isEmpty && devices.allSatisfy { $0["class_short_name"] as? String == "hv_sock" })

        let metrics = try run("vmbus-broken", ["metrics"])
        #expect(metrics.stdout.contains("class=\"hv_sock\""))

        let directory = try TemporaryDirectory(prefix: "hvctl-trust-")
        let config = directory.path + "/health.toml"
        try "[vmbus]\nexpected_devices = [\"hv_sock\", \"nic\"]\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        let health = try run(
            "vmbus-broken", ["--json", "health", "--config", config, "--check", "vmbus.expected_devices"])
        let check = try #require((try json(health.stdout)["checks"] as? [[String: Any]])?.first)
        #expect(check["status"] as? String == "pass", "\(health.stdout)")
    }

    /// A new manifest is snake_case and keeps the two format-1 keys older readers need; a
    /// manifest written the old way (every fixture) still reads.
    @Test func theManifestIsSnakeCaseAndReadsTheOldSpelling() throws {
        let directory = try TemporaryDirectory(prefix: "hvctl-trust-")
        let out = directory.path + "/snap"
        let capture = try run("azure-d8ds-v5", ["snapshot", "-o", out])
        #expect(capture.status == 0, "\(capture.stderr)")
        let manifest = try json(try String(contentsOfFile: out + "/hvctl-snapshot.json", encoding: .utf8))
        #expect(manifest["created_at"] is String && manifest["kernel_release"] as? String == "6.1.0-37-cloud-amd64")
        #expect(manifest["kernel_log_filter"] is String && manifest["kernelLogFilter"] == nil)
        #expect(manifest["createdAt"] as? String == manifest["created_at"] as? String)
        let old = try json(
            try String(contentsOfFile: FixturePaths.snapshot("azure-d8ds-v5") + "/hvctl-snapshot.json", encoding: .utf8)
        )
        #expect(old["createdAt"] is String && old["created_at"] == nil)
        let info = try CommandHarness.runBinary(["--snapshot", out, "--json", "info"])
        #expect(try json(info.stdout)["kernel_release"] as? String == "6.1.0-37-cloud-amd64")
    }

    // MARK: - 4. Strict formats

    @Test func identityStringsArePrintableOrNull() throws {
        let document = try json(try run("kvm-guest", ["--json", "info"]).stdout)
        let hypervisor = try #require(document["hypervisor"] as? [String: Any])
        #expect(hypervisor["vendor"] as? String == "KVMKVMKVM")
        #expect(hypervisor["interface"] is NSNull)
    }

    /// Every command's failure under --json is one error document on stdout with the exit status.
    static let everyReportCommand: [[String]] = [
        ["info"], ["features"], ["vmbus", "devices"], ["vmbus", "channels"], ["vmbus", "version"], ["cpu", "list"],
        ["cpu", "map"], ["msr"], ["kernel"], ["health"], ["cpu", "offline-check", "1"], ["cpu", "evacuate", "1"],
    ]

    @Test(arguments: everyReportCommand)
    func failuresUnderJSONAreOneErrorDocument(_ command: [String]) throws {
        let status: Int32 = 65
        let result = try CommandHarness.runBinary(["--snapshot", "/etc/passwd", "--json"] + command)
        #expect(result.status == status, "\(command): \(result.stderr)")
        #expect(
            result.stderr
                == "hvctl: /etc/passwd is not a snapshot directory or archive (a file that is not gzip, xz, bzip2 or zstd data)\n"
        )
        let document = try json(result.stdout)
        #expect(document["schema_version"] as? Int == 1)
        let error = try #require(document["error"] as? [String: Any])
        #expect(error["exit_status"] as? Int == Int(status))
        #expect((error["message"] as? String)?.contains("/etc/passwd") == true)
        #expect(document["diagnostics"] is [Any])
    }

    @Test func usageErrorsUnderJSONAreAnErrorDocumentToo() throws {
        let result = try CommandHarness.runBinary(["--json", "vmbus", "channels", "--bogus"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("hvctl: unknown option '--bogus'"), "\(result.stderr)")
        #expect(try json(result.stdout)["error"] != nil)
    }

    /// The text exposition has no JSON form: --json is a usage error that says so, not ignored.
    @Test func metricsRefusesJSON() throws {
        let result = try run("azure-d8ds-v5", ["--json", "metrics"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("hvctl: metrics has no --json"))
        #expect((try json(result.stdout)["error"] as? [String: Any])?["exit_status"] as? Int == 64)
    }

    @Test func listsHaveJSON() throws {
        let checks = try CommandHarness.runBinary(["health", "--list", "--json"])
        #expect(checks.status == 0)
        let document = try json(checks.stdout)
        let ids = try #require((document["checks"] as? [[String: Any]])?.compactMap { $0["id"] as? String })
        #expect(ids.contains("channels.balance") && ids.contains("rings.full"))

        let columns = try CommandHarness.runBinary(["vmbus", "channels", "--list-columns", "--json"])
        #expect(columns.status == 0)
        let names = try #require(
            (try json(columns.stdout)["columns"] as? [[String: Any]])?.compactMap { $0["name"] as? String })
        #expect(names.contains("relid") && names.contains("out-fill"))
    }

    // MARK: - 5. Help a person can read

    /// Help text is written with `\` line continuations; none may leak into what is printed.
    @Test(arguments: [["kernel"], ["health"], ["msr"], ["vmbus", "channels"], ["cpu", "evacuate"], ["detect"]])
    func helpHasNoStrayBackslash(_ command: [String]) throws {
        let result = try CommandHarness.runBinary(command + ["--help"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\\"), "\(command): \(result.stdout)")
    }

    /// Check titles are printed as the catalogue writes them ("Running on Hyper-V", not "running on
    /// hyper-v").
    @Test func checkTitlesAsWritten() throws {
        let help = try CommandHarness.runBinary(["health", "--help"]).stdout
        let list = try run("azure-d8ds-v5", ["health", "--list"]).stdout
        for check in HealthCatalog.all {
            #expect(list.contains(check.title), "\(check.id)")
            #expect(help.contains("\(check.id), \(check.severity.rawValue): \(check.title)"), "\(check.id)")
        }
        #expect(help.contains("Hyper-V") && !help.contains("hyper-v"))
    }

    /// `--json` help names the schema document the package installs.
    @Test func jsonHelpNamesTheInstalledSchema() throws {
        let help = try CommandHarness.runBinary(["info", "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
        let squeezed = help.split(separator: " ").joined(separator: " ")
        #expect(squeezed.contains("json-schema.md in /usr/share/doc/hvctl"), "\(squeezed)")
    }

    // MARK: - 6. Errors that help

    @Test func aMistypedSubcommandNamesTheOneMeant() throws {
        let result = try CommandHarness.runBinary(["vmbus", "chanels"])
        #expect(result.status == 64)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first == "hvctl: unknown command 'chanels' for 'hvctl vmbus': did you mean 'channels'?")
        #expect(lines.dropFirst().first?.hasPrefix("Usage: hvctl vmbus channels") == true, "\(result.stderr)")
        #expect(!result.stderr.contains("vmbus devices"))
    }

    @Test(arguments: [
        ["/etc/passwd", "is not a snapshot directory or archive (a file that is not gzip, xz, bzip2 or zstd data)"],
        ["/dev/null", "is not a snapshot directory or archive (a character device)"],
        ["/no/such/snapshot", "cannot open snapshot /no/such/snapshot: no such file or directory"],
    ])
    func theWrongKindOfFileIsNamed(_ case: [String]) throws {
        let result = try CommandHarness.runBinary(["--snapshot", `case`[0], "info"])
        #expect(result.status == 65)
        #expect(result.stderr.contains(`case`[1]), "\(result.stderr)")
    }

    @Test func filtersThatNameNothingAreUsageErrors() throws {
        let cpu = try run("azure-d8ds-v5", ["vmbus", "channels", "--cpu", "99"])
        #expect(cpu.status == 64)
        #expect(cpu.stderr.contains("CPU 99 does not exist"), "\(cpu.stderr)")
        #expect(cpu.stdout.isEmpty)
        let device = try run("azure-d8ds-v5", ["vmbus", "channels", "--device", "deadbeef"])
        #expect(device.status == 64)
        #expect(device.stderr.contains("no VMBus device deadbeef"))
        let klass = try run("azure-d8ds-v5", ["vmbus", "devices", "--class", "nics"])
        #expect(klass.status == 64)
        #expect(klass.stderr.contains("unknown device class \"nics\""))
        #expect(klass.stderr.contains("hv_sock"))
        // A known class with no device is an answer, not an error.
        let none = try run("azure-d8ds-v5", ["vmbus", "devices", "--class", "ide"])
        #expect(none.status == 0)
        #expect(none.stderr.contains("no ide device is offered"))
    }

    @Test(arguments: ["x.zip", "x.tar", "x.tar.xz", "x.gz"])
    func snapshotRefusesSuffixesItCannotWrite(_ name: String) throws {
        let directory = try TemporaryDirectory(prefix: "hvctl-trust-")
        let out = directory.path + "/" + name
        let result = try run("azure-d8ds-v5", ["snapshot", "-o", out])
        #expect(result.status == 64)
        #expect(result.stderr.contains("hvctl writes a directory or a .tar.gz"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// cpu map's spread is the one health judges: performance channels only.
    @Test func cpuMapAndHealthAgreeOnBalance() throws {
        for fixture in ["azure-d8ds-v5", "vmbus-broken", "ws2016-gen1"] {
            let map = try json(try run(fixture, ["--json", "cpu", "map"]).stdout)
            let spread = map["performance_spread"] as? [String: Any]
            let health = try json(try run(fixture, ["--json", "health", "--check", "channels.balance"]).stdout)
            let check = try #require((health["checks"] as? [[String: Any]])?.first)
            let details = check["details"] as? [String: Any]
            #expect(spread?["ratio"] as? Double == details?["ratio"] as? Double, "\(fixture)")
            #expect(spread?["busiest_cpu"] as? Int == details?["busiest_cpu"] as? Int, "\(fixture)")
        }
        // azure-d8ds-v5: 12 NIC and SCSI channels over 8 CPUs, at most 2 on one (PROVENANCE).
        let text = try run("azure-d8ds-v5", ["cpu", "map"]).stdout
        #expect(
            text.contains("of 12 performance channels; an even spread over 8 online CPUs gives at most 2 (ratio 1.0)"))
    }
}
