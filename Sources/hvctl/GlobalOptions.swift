import ArgumentParser
import HyperVKit
import HyperVLive

/// Options every command takes, before or after the command name (`hvctl --snapshot s info` and
/// `hvctl info --snapshot s` are the same).
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read a captured machine instead of this one: an hvctl snapshot or a sos report, as a directory or a .tar.gz, .tar.xz, .tar.bz2 or .tar.zst archive.",
            valueName: "path"),
        completion: .file())
    var snapshot: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read /sys, /proc and /var/lib/hyperv under DIR (e.g. a container with the host's /sys at /host); CPUID and MSRs come from DIR/dev/cpu when it has them, else from this machine.",
            valueName: "dir"),
        completion: .directory)
    var root: String?

    @Option(
        name: .customLong("kernel-log"),
        help: ArgumentHelp(
            "Read the kernel log from FILE (a pasted dmesg or syslog) instead of the machine's.", valueName: "file"),
        completion: .file())
    var kernelLog: String?

    @Flag(
        name: .long,
        help: "Print one JSON document instead of text (schema: json-schema.md in /usr/share/doc/hvctl).")
    var json = false

    @Flag(
        name: .long,
        help: "Print every warning on its own line (by default, warnings of one kind are counted on one line).")
    var verbose = false

    @Option(
        name: .long,
        help: ArgumentHelp("Colour text output: auto (a terminal without NO_COLOR), always, never.", valueName: "when"))
    var color: ColorChoice = .auto

    func validate() throws {
        if snapshot != nil && root != nil {
            throw ValidationError("--snapshot and --root cannot be used together")
        }
    }

    /// The machine these options select, with the kernel log of --kernel-log. Errors carry the
    /// documented exit status.
    func openMachine() throws(CommandFailure) -> any Machine {
        let machine = try openBaseMachine()
        guard let kernelLog else { return machine }
        do {
            return try KernelLogOverride(base: machine, logPath: kernelLog)
        } catch {
            let status: ExitStatus = error.isPermissionDenied ? .permissionDenied : .invalidInput
            throw CommandFailure("cannot read the kernel log \(kernelLog): \(error)", status: status)
        }
    }

    private func openBaseMachine() throws(CommandFailure) -> any Machine {
        if let snapshot {
            do {
                return try SnapshotMachine(path: snapshot)
            } catch {
                let status: ExitStatus = error.failure.isPermissionDenied ? .permissionDenied : .invalidInput
                throw CommandFailure(error.message, status: status)
            }
        }
        let root = root ?? "/"
        do {
            return try LiveMachine(root: root)
        } catch {
            let status: ExitStatus = error.isPermissionDenied ? .permissionDenied : .invalidInput
            throw CommandFailure("cannot open root \(root): \(error)", status: status)
        }
    }

    /// Opens the writer for the live system or the `--root` tree (a snapshot is refused earlier,
    /// by the flow, as read-only).
    var writerOpener: @Sendable () throws(CommandFailure) -> any SysfsWriter {
        let root = self.root ?? "/"
        return { () throws(CommandFailure) -> any SysfsWriter in
            do {
                return try RootSysfsWriter(root: root)
            } catch {
                throw CommandFailure("cannot open \(root) for writing: \(error)", status: .ioError)
            }
        }
    }

    var useColor: Bool {
        Terminal.wantsColor(color, isTTY: Terminal.stdoutIsTTY, environment: ProcessInfoEnvironment.current)
    }
}
