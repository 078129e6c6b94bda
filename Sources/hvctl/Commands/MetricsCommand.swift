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
            Prints (or, with --output, writes) the Prometheus text exposition format: hvctl_info (labels \
            host_build, release, vmbus_version, isolation, environment, kernel_release, hypervisor; value 1), \
            hvctl_vmbus_device_info (device, class, class_id, driver), per channel (labels device, class, \
            relid, cpu) the counters hvctl_vmbus_channel_interrupts_total, _events_total, _out_full_total and \
            _out_full_first_total and the gauges hvctl_vmbus_channel_outbound_ring_fill_ratio and \
            _inbound_ring_fill_ratio (0-1), per CPU hvctl_cpu_vmbus_channels and hvctl_cpu_online, and every \
            hvctl health check as hvctl_health_check{id,severity} (1 passed or skipped, 0 warned or failed), \
            hvctl_health_check_status{id,status} (one series per status, 1 for the current one) and \
            hvctl_health_status{status}. Every source is read once, as hvctl health reads it; --config \
            takes hvctl health's file.

            --output FILE writes a temporary file in FILE's directory and renames it over FILE, so the \
            collector never reads half a file: point it at node_exporter's --collector.textfile.directory, \
            e.g. /var/lib/prometheus/node-exporter/hvctl.prom, from a timer.

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

    func run() throws { try runReport() }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let configuration = try config.map { (path) throws(CommandFailure) in try HealthConfigLoader.load(path) }
        let (report, facts) = HealthRunner.run(
            context.machine, configuration: configuration ?? HealthConfiguration(), failOn: .fail)
        let text = MetricsText(facts: facts, report: report).render()
        var result = CommandOutput()
        result.warn(report.diagnostics)
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            result.stdout = text
        }
        return result
    }
}

/// Writes a file so that readers see the old content or the new, never a part: a temporary file
/// in the same directory (same file system, so rename(2) is atomic), flushed, then renamed.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws(CommandFailure) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        // Not ending in .prom: the textfile collector ignores it while it is being written.
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("cannot create \(temporary)", errno) }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes {
                Glibc.write(fd, $0.baseAddress?.advanced(by: offset), $0.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return try abandon(fd, temporary, "cannot write \(temporary)") }
            offset += written
        }
        guard fsync(fd) == 0 else { return try abandon(fd, temporary, "cannot flush \(temporary)") }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure("cannot rename \(temporary) to \(path)", code)
        }
    }

    private static func abandon(_ fd: Int32, _ temporary: String, _ message: String) throws(CommandFailure) {
        let code = errno
        close(fd)
        unlink(temporary)
        throw failure(message, code)
    }

    static func failure(_ message: String, _ code: Int32) -> CommandFailure {
        let denied = code == EACCES || code == EPERM || code == EROFS
        let reason = String(cString: strerror(code)).lowercased()
        return CommandFailure(
            "\(message): \(reason)", hint: denied && code != EROFS ? "run as root" : nil,
            status: denied && code != EROFS ? .permissionDenied : .ioError)
    }
}
