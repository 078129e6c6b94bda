import Foundation
import HyperVKit
import Testing

@testable import hvctl

/// Issue 14: `hvctl metrics` read by its real consumers. Debian's `promtool check metrics` lints
/// every fixture's exposition; `promtool test rules` runs the shipped alerting rules on series
/// made from the fixtures; Debian's `prometheus-node-exporter`, started here on 127.0.0.1 with its
/// textfile collector on the directory the shipped systemd unit writes to, serves the families
/// with `node_textfile_scrape_error 0`. `.ci/run` installs `prometheus` and
/// `prometheus-node-exporter`.
@Suite(.serialized) struct MetricsConsumerTests {
    static let promtool = URL(fileURLWithPath: "/usr/bin/promtool")
    static let nodeExporter = URL(fileURLWithPath: "/usr/bin/prometheus-node-exporter")
    static let unitTemplate = FixturePaths.packageRoot.appendingPathComponent(
        "contrib/systemd/hvctl-metrics.service.in")
    static let rules = FixturePaths.packageRoot.appendingPathComponent("contrib/prometheus/hvctl-alerts.yml")

    static func metrics(_ fixture: String, snapshot: String? = nil) throws -> String {
        let result = try CommandHarness.runBinary(["--snapshot", snapshot ?? FixturePaths.snapshot(fixture), "metrics"])
        guard result.status == 0 else { throw CommandHarness.HarnessError("metrics \(fixture): \(result.stderr)") }
        return result.stdout
    }

    private func available(_ tool: URL) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            Issue.record("\(tool.path) missing (apt-get install prometheus prometheus-node-exporter)")
            return false
        }
        return true
    }

    // MARK: - The exposition

    /// One sample: family name, labels in order, value text.
    struct Sample: Equatable {
        var name: String
        var labels: [(String, String)]
        var value: String

        static func == (lhs: Sample, rhs: Sample) -> Bool {
            lhs.name == rhs.name && lhs.value == rhs.value && lhs.labels.elementsEqual(rhs.labels) { $0 == $1 }
        }

        var series: String { name + "{" + labels.map { "\($0.0)=\($0.1)" }.joined(separator: ",") + "}" }
    }

    /// Reads the sample lines of the text format (label values unescaped), for the checks below;
    /// the Prometheus client's parser reads the same text in HealthConsumerTests.
    static func samples(_ text: String) throws -> [Sample] {
        var samples: [Sample] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            var scalars = Array(line.unicodeScalars)[...]
            var name = ""
            while let next = scalars.first, next != "{", next != " " {
                name.unicodeScalars.append(next); scalars = scalars.dropFirst()
            }
            var labels: [(String, String)] = []
            if scalars.first == "{" {
                scalars = scalars.dropFirst()
                while scalars.first != "}" {
                    var key = ""
                    while let next = scalars.first, next != "=" {
                        key.unicodeScalars.append(next); scalars = scalars.dropFirst()
                    }
                    scalars = scalars.dropFirst(2)  // ="
                    var value = ""
                    while let next = scalars.first, next != "\"" {
                        scalars = scalars.dropFirst()
                        if next == "\\", let escaped = scalars.first {
                            value.unicodeScalars.append(escaped == "n" ? "\n" : escaped)
                            scalars = scalars.dropFirst()
                        } else {
                            value.unicodeScalars.append(next)
                        }
                    }
                    scalars = scalars.dropFirst()  // "
                    if scalars.first == "," { scalars = scalars.dropFirst() }
                    labels.append((key, value))
                    guard !scalars.isEmpty else { throw CommandHarness.HarnessError("unterminated labels: \(line)") }
                }
                scalars = scalars.dropFirst()
            }
            guard scalars.first == " " else { throw CommandHarness.HarnessError("no value: \(line)") }
            samples.append(
                Sample(name: name, labels: labels, value: String(String.UnicodeScalarView(scalars.dropFirst()))))
        }
        return samples
    }

    @Test(arguments: FixturePaths.snapshotNames)
    func promtoolChecksEveryFixture(_ fixture: String) throws {
        guard available(Self.promtool) else { return }
        let text = try Self.metrics(fixture)
        let file = try TemporaryDirectory(prefix: "hvctl-prom-")
        let path = file.path + "/hvctl.prom"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try CommandHarness.runExecutable(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "\(Self.promtool.path) check metrics <\(path)"])
        #expect(check.status == 0, "\(fixture): \(check.stdout)\(check.stderr)")
        for sample in try Self.samples(text) {
            for (key, value) in sample.labels {
                #expect(!value.isEmpty, "\(fixture): \(sample.name) has an empty \(key)")
            }
        }
    }

    /// The run's own families: build, time stamp, duration; and a skip that says why.
    @Test func theRunDescribesItself() throws {
        let samples = try Self.samples(try Self.metrics("vmbus-broken"))
        #expect(samples.first { $0.name == "hvctl_build_info" }?.labels.first?.1 == HVCtl.version)
        let stamp = try #require(
            samples.first { $0.name == "hvctl_run_timestamp_seconds" }.flatMap { Double($0.value) })
        #expect(abs(stamp - Date().timeIntervalSince1970) < 300)
        let duration = try #require(
            samples.first { $0.name == "hvctl_run_duration_seconds" }.flatMap { Double($0.value) })
        #expect(duration >= 0 && duration < 60)
        // vmbus-broken has no msr/ directory: reference_tsc.enabled is skipped as unavailable,
        // and hvctl_health_check_status says skip, not pass.
        let skipped = samples.filter { $0.name == "hvctl_health_check_skipped" }
        #expect(
            skipped.contains {
                $0.labels.elementsEqual([("id", "reference_tsc.enabled"), ("reason", "unavailable")]) { $0 == $1 }
            })
        let status = samples.first {
            $0.name == "hvctl_health_check_status" && $0.labels.contains { $0 == ("id", "reference_tsc.enabled") }
                && $0.labels.contains { $0 == ("status", "skip") }
        }
        #expect(status?.value == "1")
    }

    /// A channel moved to another CPU keeps every label of every series: only the target gauge
    /// and the per-CPU counts change value (a counter with a cpu label started a new series).
    @Test func aMovedChannelKeepsItsSeries() throws {
        let directory = try TemporaryDirectory(prefix: "hvctl-prom-")
        let copy = directory.path + "/snap"
        try FileManager.default.copyItem(atPath: FixturePaths.snapshot("azure-d8ds-v5"), toPath: copy)
        let facts = try VMBusFixtureFacts("azure-d8ds-v5")
        let channel = try #require(facts.channels.first { ($0.cpu ?? 0) != 0 })
        let cpuFile = "\(copy)/sys/bus/vmbus/devices/\(channel.device)/channels/\(channel.relid)/cpu"
        let moved = ((channel.cpu ?? 0) + 1) % 8
        try "\(moved)\n".write(toFile: cpuFile, atomically: true, encoding: .utf8)
        let before = try Self.samples(try Self.metrics("azure-d8ds-v5"))
        let after = try Self.samples(try Self.metrics("azure-d8ds-v5", snapshot: copy))
        let volatile = Set(["hvctl_run_timestamp_seconds", "hvctl_run_duration_seconds"])
        #expect(Set(before.map(\.series)) == Set(after.map(\.series)))
        let changed = zip(before, after).filter { $0.value != $1.value && !volatile.contains($0.name) }.map(\.0.name)
        #expect(Set(changed) == ["hvctl_vmbus_channel_target_cpu", "hvctl_cpu_vmbus_channels"], "\(changed)")
        let target = after.first {
            $0.name == "hvctl_vmbus_channel_target_cpu" && $0.labels.contains { $0 == ("relid", String(channel.relid)) }
                && $0.labels.contains { $0 == ("device", channel.device) }
        }
        #expect(target?.value == String(moved))
        #expect(
            after.allSatisfy { sample in
                !sample.labels.contains { $0.0 == "cpu" } || sample.name.hasPrefix("hvctl_cpu_")
            })
    }

    // MARK: - node_exporter's textfile collector

    /// The unit's command, run against a fixture, into the unit's directory, served by
    /// node_exporter: every hvctl_ family comes out, and the collector reports no error.
    @Test func nodeExporterServesTheUnitsTextfile() throws {
        guard available(Self.nodeExporter) else { return }
        let unit = try String(contentsOf: Self.unitTemplate, encoding: .utf8)
        let execLine = try #require(unit.split(separator: "\n").first { $0.hasPrefix("ExecStart=") })
        let words = execLine.dropFirst("ExecStart=".count).split(separator: " ").map(String.init)
        #expect(words.first == "@BINDIR@/hvctl")
        let outputIndex = try #require(words.firstIndex(of: "--output"))
        let output = words[outputIndex + 1]
        let directory = (output as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
            FileManager.default.isWritableFile(atPath: directory)
        else {
            Issue.record(
                "\(directory) (the unit's textfile directory) is missing or not writable: run as root with prometheus-node-exporter installed"
            )
            return
        }
        defer { try? FileManager.default.removeItem(atPath: output) }
        // The unit's own arguments, on a captured Azure guest instead of this KVM machine.
        let run = try CommandHarness.runBinary(
            ["--snapshot", FixturePaths.snapshot("azure-degraded")] + Array(words.dropFirst()))
        #expect(run.status == 0, "\(run.stderr)")

        let process = Process()
        process.executableURL = Self.nodeExporter
        let port = Int.random(in: 20000...40000)
        process.arguments = [
            "--web.listen-address=127.0.0.1:\(port)", "--collector.disable-defaults", "--collector.textfile",
            "--collector.textfile.directory=\(directory)",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var served = ""
        for _ in 0..<50 {
            let fetch = try CommandHarness.runExecutable(
                URL(fileURLWithPath: "/usr/bin/python3"),
                [
                    "-c",
                    "import urllib.request,sys; sys.stdout.write(urllib.request.urlopen('http://127.0.0.1:\(port)/metrics', timeout=2).read().decode())",
                ])
            if fetch.status == 0 { served = fetch.stdout; break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let samples = try Self.samples(served)
        #expect(samples.first { $0.name == "node_textfile_scrape_error" }?.value == "0", "\(served.prefix(2000))")
        let families = Set(samples.map(\.name).filter { $0.hasPrefix("hvctl_") })
        let written = Set(try Self.samples(try String(contentsOfFile: output, encoding: .utf8)).map(\.name))
        #expect(families == written)
        for family in [
            "hvctl_build_info", "hvctl_info", "hvctl_vmbus_channel_interrupts_total", "hvctl_vmbus_channel_target_cpu",
            "hvctl_health_check_status", "hvctl_run_timestamp_seconds",
        ] {
            #expect(families.contains(family), "\(family) not served")
        }
    }

    // MARK: - The alerting rules

    /// Input series for promtool: every sample of a fixture's metrics, constant for `steps`
    /// minutes, with instance and job labels; the run time stamp advances with the clock.
    static func inputSeries(_ text: String, instance: String, steps: Int, overrides: [String: String] = [:]) throws
        -> [String]
    {
        try samples(text).compactMap { sample in
            let labels = sample.labels + [("instance", instance), ("job", "node")]
            let series =
                sample.name + "{" + labels.map { "\($0.0)=\"\(yamlEscape($0.1))\"" }.joined(separator: ",") + "}"
            let values: String
            if let override = overrides[sample.name] {
                values = override
            } else if sample.name == "hvctl_run_timestamp_seconds" {
                values = "0+60x\(steps)"
            } else {
                values = "\(sample.value)x\(steps)"
            }
            return
                "      - series: '\(series.replacingOccurrences(of: "'", with: "''"))'\n        values: '\(values)'\n"
        }
    }

    static func yamlEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    struct Expected {
        var alert: String
        var labels: [(String, String)]
        var summary: String
    }

    static func alertTest(_ name: String, evalTime: String, series: [String], expected: [Expected], alerts: [String])
        -> String
    {
        var out = "  - name: '\(name)'\n    interval: 1m\n    input_series:\n" + series.joined()
        out += "    alert_rule_test:\n"
        for alert in alerts {
            out += "      - eval_time: \(evalTime)\n        alertname: \(alert)\n        exp_alerts:"
            let mine = expected.filter { $0.alert == alert }
            if mine.isEmpty { out += " []\n"; continue }
            out += "\n"
            for entry in mine {
                out += "          - exp_labels:\n"
                for (key, value) in entry.labels { out += "              \(key): \"\(yamlEscape(value))\"\n" }
                out += "            exp_annotations:\n              summary: \"\(yamlEscape(entry.summary))\"\n"
            }
        }
        return out
    }

    static let alertNames = [
        "HvctlHealthCheckFailed", "HvctlHealthCheckWarning", "HvctlVMBusRingFull", "HvctlChannelOnOfflineCPU",
        "HvctlHostBuildChanged", "HvctlMetricsStale", "HvctlMetricsMissing",
    ]

    /// The expected alerts come from the fixtures' PROVENANCE: azure-degraded's failing check is
    /// vmbus.devices_bound (hv_balloon not loaded) and its NIC relid 17 ring is 96.1% full;
    /// vmbus-broken's NIC relid 12 targets CPU 2, which is offline; ws2019-phantom-cpus runs on
    /// host build 17763 and azure-d8ds-v5 on 20348.
    @Test func promtoolTestsTheShippedRules() throws {
        guard available(Self.promtool) else { return }
        let job = ("job", "node")
        var tests: [String] = []
        // A healthy guest: no alert at all.
        tests.append(
            Self.alertTest(
                "healthy azure-d8ds-v5", evalTime: "90m",
                series: try Self.inputSeries(try Self.metrics("azure-d8ds-v5"), instance: "healthy", steps: 100),
                expected: [], alerts: Self.alertNames))
        // A degraded guest: the failed check after 10 minutes, the full ring.
        let degraded = "000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c"
        tests.append(
            Self.alertTest(
                "degraded azure-degraded", evalTime: "30m",
                series: try Self.inputSeries(try Self.metrics("azure-degraded"), instance: "degraded", steps: 40),
                expected: [
                    Expected(
                        alert: "HvctlHealthCheckFailed",
                        labels: [
                            ("severity", "critical"), ("id", "vmbus.devices_bound"), ("status", "fail"),
                            ("instance", "degraded"), job,
                        ],
                        summary: "hvctl health check vmbus.devices_bound fails on degraded"),
                    Expected(
                        alert: "HvctlVMBusRingFull",
                        labels: [
                            ("severity", "warning"), ("device", degraded), ("class", "nic"), ("relid", "17"),
                            ("instance", "degraded"), job,
                        ],
                        summary: "VMBus nic channel 17 on degraded has a full outbound ring"),
                ],
                alerts: [
                    "HvctlHealthCheckFailed", "HvctlVMBusRingFull", "HvctlChannelOnOfflineCPU", "HvctlMetricsStale",
                ]))
        // A channel on an offline CPU.
        tests.append(
            Self.alertTest(
                "offline target vmbus-broken", evalTime: "10m",
                series: try Self.inputSeries(try Self.metrics("vmbus-broken"), instance: "broken", steps: 20),
                expected: [
                    Expected(
                        alert: "HvctlChannelOnOfflineCPU",
                        labels: [
                            ("severity", "critical"), ("device", "4e8b2d71-a05c-4f36-9b1e-d3c6f8027a59"),
                            ("class", "nic"), ("relid", "12"), ("instance", "broken"), job,
                        ],
                        summary: "VMBus nic channel 12 on broken targets an offline CPU")
                ], alerts: ["HvctlChannelOnOfflineCPU", "HvctlVMBusRingFull"]))
        // A live migration: the host build goes from 17763 to 20348.
        tests.append(
            Self.alertTest(
                "host build change", evalTime: "30m",
                series: [
                    "      - series: 'hvctl_host_build{instance=\"moved\",job=\"node\"}'\n        values: '17763x20 20348x20'\n"
                ],
                expected: [
                    Expected(
                        alert: "HvctlHostBuildChanged", labels: [("severity", "info"), ("instance", "moved"), job],
                        summary: "the Hyper-V host build of moved changed")
                ], alerts: ["HvctlHostBuildChanged"]))
        // The timer stopped: the file stays, its time stamp ages; then the file goes.
        let stale = try Self.metrics("azure-d8ds-v5")
        tests.append(
            Self.alertTest(
                "stale textfile", evalTime: "20m",
                series: try Self.inputSeries(
                    stale, instance: "stale", steps: 40, overrides: ["hvctl_run_timestamp_seconds": "0x40"]),
                expected: [
                    Expected(
                        alert: "HvctlMetricsStale", labels: [("severity", "warning"), ("instance", "stale"), job],
                        summary: "hvctl metrics of stale are older than 15 minutes")
                ], alerts: ["HvctlMetricsStale", "HvctlMetricsMissing"]))
        tests.append(
            Self.alertTest(
                "textfile gone", evalTime: "50m",
                series: [
                    "      - series: 'hvctl_build_info{version=\"\(HVCtl.version)\",instance=\"gone\",job=\"node\"}'\n        values: '1x20 _x40'\n"
                ],
                expected: [
                    Expected(
                        alert: "HvctlMetricsMissing",
                        labels: [("severity", "warning"), ("version", HVCtl.version), ("instance", "gone"), job],
                        summary: "hvctl metrics of gone are gone")
                ], alerts: ["HvctlMetricsMissing"]))

        let directory = try TemporaryDirectory(prefix: "hvctl-rules-")
        let testFile = directory.path + "/hvctl-alerts.test.yml"
        try ("rule_files:\n  - \(Self.rules.path)\nevaluation_interval: 1m\ntests:\n" + tests.joined())
            .write(toFile: testFile, atomically: true, encoding: .utf8)
        let result = try CommandHarness.runExecutable(Self.promtool, ["test", "rules", testFile])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("SUCCESS"), "\(result.stdout)")
    }
}
