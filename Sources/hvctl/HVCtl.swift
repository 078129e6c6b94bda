import ArgumentParser
import HyperVKit

@main
struct HVCtl: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "hvctl",
        abstract: "Show what Hyper-V gives this Linux guest, and whether the guest is healthy.",
        discussion: """
            hvctl decodes the CPUID hypervisor leaves, the synthetic MSRs and VMBus of a Linux virtual machine \
            on Microsoft Hyper-V (on-premises, Azure, WSL2). Every command reads this machine, a captured one \
            (--snapshot: an hvctl snapshot, or the sos report support already has: `hvctl --snapshot \
            sosreport-host-2026-12-01.tar.xz health`), or a tree where this machine's /sys is mounted (--root). \
            Without a command, hvctl runs `info`.

            EXIT STATUS
            \(ExitStatus.table)
            """,
        version: version,
        subcommands: [
            InfoCommand.self, DetectCommand.self, FeaturesCommand.self, VMBusCommand.self, CPUCommand.self,
            MSRCommand.self,
            KernelCommand.self, SnapshotCommand.self, HealthCommand.self, MetricsCommand.self,
        ],
        defaultSubcommand: InfoCommand.self
    )

    @OptionGroup var global: GlobalOptions

    /// The Swift runtime reads the command line from /proc/self/cmdline: without /proc (a bare
    /// chroot) every argument would vanish and `hvctl --version` would silently run `info`.
    static func main() {
        guard !CommandLine.arguments.isEmpty else {
            Terminal.warn("hvctl: cannot read the command line (is /proc mounted?)")
            Self.exit(withError: ExitCode(ExitStatus.usage.rawValue))
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let code as ExitCode {
            // Our own runs have said what went wrong already.
            Self.exit(withError: code)
        } catch {
            let status = exitCode(for: error)
            // Help, --version and completion scripts are not errors: ArgumentParser prints them.
            guard status != .success else { Self.exit(withError: error) }
            // Only a command line that does not parse can hold a mistyped subcommand.
            if let mistyped = CommandSuggestion.check(arguments) {
                CommandErrors.report(mistyped.message, usage: mistyped.usage, json: arguments.contains("--json"))
                Self.exit(withError: ExitCode(ExitStatus.usage.rawValue))
            }
            CommandErrors.report(
                message(for: error), usage: fullMessage(for: error), json: arguments.contains("--json"),
                status: status.rawValue)
            Self.exit(withError: ExitCode(status.rawValue))
        }
    }
}
