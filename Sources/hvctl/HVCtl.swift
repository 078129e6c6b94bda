import ArgumentParser
import HyperVKit

@main
struct HVCtl: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hvctl", abstract: "Hyper-V guest inspector")
    func run() throws {}
}
