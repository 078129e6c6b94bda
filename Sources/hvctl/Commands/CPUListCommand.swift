import ArgumentParser
import HyperVKit

struct CPUListCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Possible, present, online and offline CPUs, and what each one is.",
        discussion: """
            Per CPU: online or offline; hot-pluggable (the kernel gives it an online file; on x86 the boot \
            CPU has none); housekeeping or isolated (isolcpus=managed_irq CPUs cannot receive channel \
            interrupts, reference §3.4; isolcpus, nohz_full); its NUMA node; the VMBus channels whose \
            interrupts target it; and its Hyper-V VP index where the VP_INDEX MSR can be read (root, \
            modprobe msr). Phantom CPUs, possible but never present, are what Windows Server 2019 and \
            older hosts describe in ACPI; Hyper-V never hot-adds them (reference §6.3).

            JSON (schema_version 1): possible, present, online, offline, phantom (CPU lists), cpus[] \
            (cpu, present, online, phantom, phantom_reason, hotpluggable, housekeeping, isolated, \
            nohz_full, numa_node, vp_index, channels[] {device_id, relid, class}), diagnostics.
            """)

    @OptionGroup var global: GlobalOptions

    @OptionGroup var table: TableOptions<CPUListText>

    func run() throws { try runReport() }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let layout = try table.layout(CPUListText.columnKeys)
        let vmbus = VMBusReader.read(context.machine, options: .channelTargets)
        let inventory = CPUInventory.read(context.machine, channelTargets: vmbus.targetCPUs)
        guard !inventory.entries.isEmpty else {
            throw CommandFailure(
                "\(context.machine.origin) holds no CPU list: no /sys/devices/system/cpu, no CPUID or MSR capture, "
                    + "no /proc/interrupts, no VMBus channel", status: .invalidInput)
        }
        let report = CPUListReport(inventory: inventory, vmbus: vmbus)
        var output = CommandOutput()
        output.stdout = try CommandRunner.render(report, context: context) {
            CPUListText(report: report, color: context.color, layout: layout).render()
        }
        output.warn(report.diagnostics)
        return output
    }
}

/// A CPU-list argument (`1-3,7`), checked against the CPUs the machine has.
enum CPUArgument {
    static func parse(_ text: String, option: String) throws(CommandFailure) -> CPUList {
        guard let list = CPUList(parsing: text), !list.isEmpty else {
            throw CommandFailure(
                "\(option): \"\(text)\" is not a CPU list", hint: "write CPUs like 1-3,7", status: .usage)
        }
        return list
    }

    /// Every CPU must exist (be possible) on the machine.
    static func checkExists(_ list: CPUList, in inventory: CPUInventory, option: String) throws(CommandFailure) {
        do throws(MoveRefusal) {
            try MovePreconditions.exist(list, in: inventory, option: option)
        } catch {
            throw CommandFailure(error.description, status: MoveExecution.status(of: error))
        }
    }
}
