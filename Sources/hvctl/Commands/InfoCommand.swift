import ArgumentParser
import HyperVKit

struct InfoCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "One screen: hypervisor, host build and release, environment, limits, VMBus, kernel support.",
        discussion: """
            Says which hypervisor this is (Hyper-V, or which other one: KVM, Xen, VMware, none; a KVM guest \
            that imitates the Hyper-V signature is called out), the host build and the Windows release it \
            belongs to, the partition role, isolation and nesting, whether this is Azure, WSL2 or an \
            on-premises host (each with the evidence), the VM generation, CPU counts, the clock source, \
            VMBus devices and the negotiated VMBus version, the kernel's Hyper-V support (CONFIG_HYPERV, how \
            many VMBus devices with a Linux driver are bound, and why the others are not: see hvctl kernel), \
            and what the host says of itself through KVP when the KVP daemon's pool is readable.

            The hypervisor is concluded from every source the machine offers: CPUID (which decides when \
            it can be read), any Hyper-V line of the kernel log, a VMBus with devices, hv_vmbus loaded \
            as a module, KVP pools, the Hyper-V clock sources and the Hyper-V firmware's DMI strings. \
            The conclusion names the sources it rests on and how sure it is (certain, strong, weak); a \
            source that could not be read counts as unknown, never as "no". Exits 69 when this is not a \
            Hyper-V guest, 65 when the machine holds nothing that tells.

            JSON (schema_version 1): as docs/json-schema.md describes; kernel_support holds config_source, \
            hyperv, hyperv_inferred, devices_with_linux_driver, devices_bound, unexplained and problems[].
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws { try runReport() }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let report = InfoReportBuilder.build(context.machine)
        var output = CommandOutput()
        output.stdout = try CommandRunner.render(report, context: context) {
            InfoText(report: report, color: context.color).render()
        }
        output.warn(report.diagnostics)
        if !report.identity.isGenuineHyperV {
            // Nothing to tell by is missing input, not "not Hyper-V" (unknown is never an answer).
            output.status = report.identity.isUnknown ? .invalidInput : .notApplicable
        }
        return output
    }
}
