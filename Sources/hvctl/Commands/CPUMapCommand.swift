import ArgumentParser
import HyperVKit

struct CPUMapCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Per CPU: the VMBus channels whose interrupts target it, by class, and its VMBus interrupts.",
        discussion: """
            Channel interrupts are not Linux IRQs: Linux assigns each channel a target CPU when the host \
            offers it (non-performance channels to CPU 0, network and storage channels spread over the \
            CPUs, reference §6.2) and counts them together on the HYP line of /proc/interrupts. This map \
            shows, per CPU, the channels of each class that target it, the sum of their interrupt \
            counters, and its HYP count, and says how uneven the spread is: max over mean across online \
            CPUs (1.0 is perfectly even), naming the busiest CPU. A CPU targeted by a channel cannot go \
            offline (reference §6.1).

            JSON (schema_version 1): cpus[] (cpu, online, channels, by_class {class: count}, \
            channel_interrupts, vmbus_interrupts), channel_imbalance and interrupt_imbalance \
            ({ratio, busiest_cpu, mean} or null), diagnostics.
            """)

    @OptionGroup var global: GlobalOptions

    @OptionGroup var table: TableOptions<CPUMapText>

    func run() throws { try runReport() }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let layout = try table.layout(CPUMapText.columnKeys)
        let state = VMBusReader.read(context.machine, options: .everything)
        guard state.present == true else { throw VMBusAbsence.failure(state, machine: context.machine) }
        let (counts, countDiagnostics) = ProcInterrupts.readVMBusInterrupts(context.machine)
        let report = CPUMapReportBuilder.build(vmbus: state, vmbusInterrupts: counts, diagnostics: countDiagnostics)
        var output = CommandOutput()
        output.stdout = try CommandRunner.render(report, context: context) {
            CPUMapText(report: report, color: context.color, layout: layout).render()
        }
        output.warn(report.diagnostics)
        return output
    }
}
