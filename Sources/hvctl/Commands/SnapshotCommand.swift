import ArgumentParser
import HyperVKit

struct SnapshotCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Capture this machine into a snapshot directory or .tar.gz, for support or to replay anywhere.",
        discussion: """
            Writes everything hvctl reads (docs/snapshot-format.md) so that `hvctl --snapshot PATH <command>` \
            answers on any machine as it would here: hvctl-snapshot.json (the manifest); cpuid.txt in the \
            `cpuid -r` format (leaves 0x0, 0x1, 0x40000000 up to its maximum, 0x40000080-0x40000082 where \
            VS#1 answers, 0x40000100, on every online CPU); msr/cpuN.txt (the synthetic MSRs the reference \
            marks safe to read, on every online CPU, errors as errno names); kernel.log (only the lines \
            about Hyper-V, VMBus and its drivers, the clocksource and CPU hotplug); and every machine file \
            hvctl's readers declare (/sys/bus/vmbus with the device and channel directories its links \
            lead to, the CPU lists, the clocksource, the Hyper-V modules, DMI, /sys/firmware, NUMA \
            nodes, the KVP pools, /proc/interrupts, /proc/cmdline, the kernel config's Hyper-V lines): \
            `hvctl snapshot --list` prints each with why it is read. Run it as root for the MSRs, the kernel log, \
            the KVP pools and the DMI serials.

            It reads the machine hvctl reads: this one, a --root tree (CPUID and MSRs from DIR/dev/cpu \
            when it has them), or a --snapshot (capturing a snapshot reproduces it); --kernel-log FILE \
            supplies the log. It never follows a link out of /sys (such links are left out and listed \
            under "skipped" in the manifest, with binary and oversized files), and lists every file it \
            could not read under "unreadable" with the errno.

            By default it redacts what you would not paste into a support ticket: every KVP pool value and \
            non-standard key, MAC addresses (every common spelling), IPv4 and IPv6 addresses, the DMI serial \
            numbers and UUID, the host name in syslog prefixes (BSD and RFC 5424), and every other occurrence, \
            in any letter case, of the host, VM and domain names and the VM ID it learns on the way. The \
            manifest lists what was redacted under "redacted" and names no path you typed. VMBus instance GUIDs are kept (they are the \
            tree's paths; on Azure a network adapter's GUID repeats its MAC address). --no-redact keeps \
            everything.

            -o DIR writes a directory (private, mode 0700); -o FILE.tar.gz (or .tgz) writes a gzip \
            tarball with one top-level directory. Either is written to a temporary name beside the \
            destination (never in $TMPDIR) and renamed into place, so a half-written snapshot never appears \
            (SIGINT and SIGTERM remove it); an existing \
            tarball is replaced only by a complete one. An existing non-empty directory is refused.

            --list prints every source a snapshot collects (the same declarations the capture is made \
            from), why hvctl reads it, whether it needs root and what is redacted, and reads nothing.

            JSON (schema_version 1): path, format ("directory" or "tar.gz"), files, directories, links, bytes, \
            redacted[] (null with --no-redact), unreadable[] {path, errno}, skipped[] {path, reason}, \
            kernel_log_filter, note, diagnostics.

            Exit status: 0 when the snapshot was written (even with unreadable files: they are listed); \
            64 when the destination is taken (a non-empty directory, or not a directory / regular file \
            as -o asks); 65 when the input (--snapshot, --root, --kernel-log) cannot be read; 74 when \
            writing fails; 77 when writing is not permitted.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Write the snapshot to DIR, or to FILE.tar.gz (.tgz).", valueName: "path"),
        completion: .file())
    var output: String?

    @Flag(help: "List what a snapshot collects, why, what needs root and what is redacted; read nothing.")
    var list = false

    @Flag(
        name: .customLong("no-redact"),
        help: "Keep host and VM names, MAC addresses, KVP pool values and DMI serials in the snapshot.")
    var noRedact = false

    func validate() throws {
        if list && output != nil { throw ValidationError("--list prints what a snapshot would hold; it takes no -o") }
        if !list && output == nil { throw ValidationError("Missing expected argument '--output <path>'") }
    }

    func run() throws {
        guard list else { return try runReport() }
        // No machine is opened: the list comes from the declarations alone.
        do throws(CommandFailure) {
            try Terminal.write(try listSources(json: global.json))
        } catch {
            try CommandRunner.fail(error, json: global.json)
        }
    }

    func listSources(json: Bool) throws(CommandFailure) -> String {
        let report = SourceListReport()
        return try CommandRunner.render(report, json: json) { SourceListText(report: report).render() }
    }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        if list { return CommandOutput(stdout: try listSources(json: context.json)) }
        let destination: SnapshotDestination
        switch SnapshotDestination.parse(output ?? "") {
        case .success(let parsed): destination = parsed
        case .failure(let error):
            throw CommandFailure(error.message, hint: "name a new directory or FILE.tar.gz", status: .usage)
        }
        let options = SnapshotOptions(redact: !noRedact, tool: "hvctl \(HVCtl.version)")
        let summary: SnapshotSummary
        do {
            summary = try SnapshotWriter.write(context.machine, to: destination, options: options)
        } catch {
            switch error.kind {
            case .destinationTaken:
                throw CommandFailure(error.message, hint: "name a new directory or FILE.tar.gz", status: .usage)
            case .io(let code):
                let denied = code == .EACCES || code == .EPERM || code == .EROFS
                throw CommandFailure(error.message, status: denied ? .permissionDenied : .ioError)
            }
        }
        let report = SnapshotReport(summary: summary, destination: destination)
        var result = CommandOutput()
        result.stdout = try CommandRunner.render(report, context: context) {
            SnapshotText(report: report, color: context.color).render()
        }
        let denied = report.unreadable.filter { $0.errno == "EACCES" || $0.errno == "EPERM" }
        if !denied.isEmpty && !context.machine.isCapture {
            result.warnings.append(
                "hvctl: warning: \(denied.count) files could not be read (listed under \"unreadable\") (hint: \(PermissionHint.hint()))"
            )
        }
        return result
    }
}
