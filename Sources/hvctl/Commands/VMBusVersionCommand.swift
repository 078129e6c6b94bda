import ArgumentParser
import HyperVKit

/// Placeholder until `hvctl vmbus version` lands.
struct VMBusVersionCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "version", abstract: "The negotiated VMBus protocol version and what depends on it.")

    @OptionGroup var global: GlobalOptions

    func run() throws { try runReport() }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        throw CommandFailure("not implemented yet", status: .notApplicable)
    }
}
