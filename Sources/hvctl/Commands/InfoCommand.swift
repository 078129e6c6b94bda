import ArgumentParser
import HyperVKit

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "One screen: hypervisor, host, environment, limits, VMBus.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CommandRunner.run(global) { context throws(CommandFailure) in
            .success
        }
    }
}
