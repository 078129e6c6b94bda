import ArgumentParser

/// `hvctl vmbus ...`: the VMBus devices, their channels and the negotiated protocol version.
struct VMBusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vmbus",
        abstract: "VMBus devices, channels and the negotiated protocol version.",
        subcommands: [
            VMBusDevicesCommand.self, VMBusChannelsCommand.self, VMBusVersionCommand.self, VMBusSetCPUCommand.self,
        ],
        defaultSubcommand: VMBusDevicesCommand.self)

    @OptionGroup var global: GlobalOptions
}

/// `hvctl cpu ...`: CPUs as VMBus sees them.
struct CPUCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpu",
        abstract: "CPUs and the VMBus channel interrupts that target them.",
        subcommands: [
            CPUListCommand.self, CPUMapCommand.self, CPUOfflineCheckCommand.self, CPUEvacuateCommand.self,
            CPURestoreCommand.self,
        ],
        defaultSubcommand: CPUListCommand.self)

    @OptionGroup var global: GlobalOptions
}
