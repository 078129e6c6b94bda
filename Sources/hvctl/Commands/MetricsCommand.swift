import ArgumentParser
import HyperVKit

#if canImport(Glibc)
    import Glibc
#endif

struct MetricsCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Prometheus metrics for node_exporter's textfile collector.",
        discussion: """
            Prints (or, with --output, writes) the Prometheus text exposition format: hvctl_build_info{version}, \
            hvctl_run_timestamp_seconds and hvctl_run_duration_seconds, hvctl_info (labels host_build, release, \
            vmbus_version, isolation, environment, kernel_release, hypervisor; value 1), hvctl_host_build, \
            hvctl_vmbus_device_info (device, class, class_id, driver), per channel (labels device, class, relid: \
            never the CPU, so a moved channel keeps its series) the gauges hvctl_vmbus_channel_target_cpu and \
            _target_cpu_online, the counters hvctl_vmbus_channel_interrupts_total, _events_total, \
            _out_full_total and _out_full_first_total and the gauges hvctl_vmbus_channel_outbound_ring_fill_ratio \
            and _inbound_ring_fill_ratio (0-1), per CPU hvctl_cpu_vmbus_channels and hvctl_cpu_online, and every \
            hvctl health check as hvctl_health_check{id,severity} (1 passed or skipped, 0 warned or failed), \
            hvctl_health_check_status{id,status} (one series per status, 1 for the current one), \
            hvctl_health_check_skipped{id,reason} (permission, unavailable, not_applicable, not_configured) and \
            hvctl_health_status{status}. No label value is empty (unknown, none). Every source is read once, as \
            hvctl health reads it; --config takes hvctl health's file. --json is a usage error: the format has \
            no JSON form (hvctl health --json has the checks).

            --output FILE writes a temporary file in FILE's directory and renames it over FILE, so the \
            collector never reads half a file: point it at node_exporter's --collector.textfile.directory. \
            The package's hvctl-metrics.timer (disabled until systemctl enable --now hvctl-metrics.timer) runs \
            hvctl metrics --output /var/lib/prometheus/node-exporter/hvctl.prom every five minutes; \
            /usr/share/hvctl/prometheus/hvctl-alerts.yml holds alerting rules for a fleet.

            Exit status: 0 when the metrics were written, whatever the checks found (alert on \
            hvctl_health_check == 0); 65 for a bad configuration file; 74 when FILE cannot be written; 77 \
            without permission to write it.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp(
            "Write to FILE atomically (a temporary file renamed over it) instead of stdout.", valueName: "file"),
        completion: .file(extensions: ["prom"]))
    var output: String?

    @Option(
        help: ArgumentHelp("hvctl health's configuration file (TOML or JSON).", valueName: "file"),
        completion: .file(extensions: ["toml", "json"]))
    var config: String?

    /// Prometheus' text format has no JSON form: a usage error rather than something else printed.
    func validate() throws {
        if global.json {
            throw ValidationError(
                "metrics has no --json: it prints the Prometheus text format (hvctl health --json has the checks as JSON)"
            )
        }
    }

    func run() throws { try runReport() }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let timestamp = Timestamp.unixSeconds()
        let started = Timestamp.monotonicSeconds()
        let configuration = try config.map { (path) throws(CommandFailure) in try HealthConfigLoader.load(path) }
        let (report, facts) = HealthRunner.run(
            context.machine, configuration: configuration ?? HealthConfiguration(), failOn: .fail)
        let text = MetricsText(
            facts: facts, report: report, timestamp: timestamp, duration: Timestamp.monotonicSeconds() - started
        ).render()
        var result = CommandOutput()
        result.warn(report.diagnostics)
        if let output {
            if case .failure(let error) = AtomicFile.write(Array(text.utf8), to: output) {
                throw CommandFailure(
                    error.description, hint: error.isPermissionDenied ? PermissionHint.hint() : nil,
                    status: error.isPermissionDenied ? .permissionDenied : .ioError)
            }
        } else {
            result.stdout = text
        }
        return result
    }
}
