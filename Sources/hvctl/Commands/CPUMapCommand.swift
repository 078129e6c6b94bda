import ArgumentParser
import HyperVKit

/// Placeholder until `hvctl cpu map` lands.
struct CPUMapCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "map", abstract: "Per CPU: the VMBus channels whose interrupts target it, by class.")

    @OptionGroup var global: GlobalOptions

    func run() throws { try runReport() }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        throw CommandFailure("not implemented yet", status: .notApplicable)
    }
}
