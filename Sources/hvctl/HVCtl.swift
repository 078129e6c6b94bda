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
            (--snapshot), or a tree where this machine's /sys is mounted (--root). Without a command, hvctl runs \
            `info`.

            EXIT STATUS
            \(ExitStatus.table)
            """,
        version: version,
        subcommands: [
            InfoCommand.self, FeaturesCommand.self, VMBusCommand.self, CPUCommand.self, MSRCommand.self,
            HealthCommand.self, MetricsCommand.self,
        ],
        defaultSubcommand: InfoCommand.self
    )

    @OptionGroup var global: GlobalOptions
}
