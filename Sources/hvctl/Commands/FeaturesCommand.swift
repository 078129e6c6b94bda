import ArgumentParser
import HyperVKit

struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "features", abstract: "Every privilege, feature and recommendation bit the hypervisor reports.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CommandRunner.run(global) { context throws(CommandFailure) in
            .success
        }
    }
}
