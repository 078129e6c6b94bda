import ArgumentParser
import HyperVKit

struct VMBusVersionCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "The negotiated VMBus protocol version and what depends on it.",
        discussion: """
            The kernel publishes the negotiated version only in its log (`hv_vmbus: Vmbus version:5.3`, \
            reference §5.2). When the log cannot be read (kernel.dmesg_restrict: run as root) or has lost the \
            line, the version is inferred from the host build (CPUID leaf 0x40000002), the hv_vmbus \
            max_version cap and the guest kernel's own list, using only the build-to-version pairs the \
            reference states (WS2012 2.4, WS2012 R2 3.0, WS2016 4.0, RS4 5.1, WS2019 5.2, WS2022 5.3); any \
            other build gives no version. max_version is always shown as a cap, never as the negotiated \
            version. A logged version that disagrees with the host build is a warning.

            The table lists what depends on the version (reference §5.3): AVAILABLE is yes, no, or unknown \
            when the version, or a kernel release a row also needs, is unknown. With -o or -n, only the \
            table is printed (`hvctl vmbus version -n -o name,available`).

            JSON (schema_version 1): version ("5.3" or null), source ("kernel_log", "inferred" or null), \
            max_version ("5.3" or null, the cap), capabilities[] (name, min_version, available, description, \
            source, min_kernel, note), reasoning[] (one sentence per step), host_build, host_release, \
            host_vmbus_version (the version the reference pairs with the build, or null), \
            consistent_with_host (bool or null), kernel_release, negotiation_order (the versions this guest \
            tries, newest first, after the cap; null when unknown), isolated, vmbus_present, diagnostics.

            Exit status: 0 when the command applies, also when the version stays unknown (version null, \
            with a warning saying why); 69 when there is no VMBus (not a Hyper-V guest, or hv_vmbus not \
            loaded).
            """)

    @OptionGroup var global: GlobalOptions

    @OptionGroup var table: TableOptions<VMBusVersionText>

    func run() throws { try runReport() }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let layout = try table.layout(VMBusVersionText.columnKeys)
        let report = VMBusVersionReportBuilder.build(context.machine)
        var output = CommandOutput()
        output.stdout = try CommandRunner.render(report, context: context) {
            VMBusVersionText(report: report, color: context.color, layout: layout).render()
        }
        output.warn(report.diagnostics)
        if !report.applicable {
            output.warnings.append(
                "hvctl: no VMBus on \(context.machine.origin) (not a Hyper-V guest, or hv_vmbus is not loaded)")
            output.status = .notApplicable
        }
        return output
    }
}
