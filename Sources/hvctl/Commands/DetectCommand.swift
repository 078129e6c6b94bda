import ArgumentParser
import HyperVKit

struct DetectCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Say in one word whether this is a Hyper-V guest, as systemd-detect-virt does; exit 0 if so.",
        discussion: """
            Prints hyperv (a Hyper-V guest: on-premises or Azure), wsl (WSL2), the other hypervisor's \
            name (kvm, xen, vmware, qemu_tcg, bhyve, acrn, virtualbox, parallels, qnx), other (an unknown \
            signature), none (no hypervisor), or unknown (the machine holds nothing that tells, such as an \
            empty capture). The answer is hvctl info's, from every source the machine offers; a KVM guest \
            that imitates the Hyper-V signature is kvm. -q prints nothing: use the exit status, \
            `if hvctl detect -q; then ...`.

            JSON (schema_version 1): hypervisor (the word), is_hyperv (true, false, or null when unknown), \
            environment (azure, wsl2, on_premises, hyperv_unknown, not_hyperv), name, confidence, \
            sources[] (as info's identity.sources), diagnostics.

            Exit status: 0 on Hyper-V (WSL2 included); 1 when this is not a Hyper-V guest, or when it \
            cannot be told (unknown is never yes).
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(name: [.customShort("q"), .long], help: "Print nothing; answer with the exit status only.")
    var quiet = false

    func validate() throws {
        if quiet && global.json { throw ValidationError("--quiet and --json exclude each other") }
    }

    func run() throws { try runReport() }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let report = DetectReportBuilder.build(context.machine)
        var output = CommandOutput()
        if !quiet {
            output.stdout = try CommandRunner.render(report, context: context) { report.word + "\n" }
            // A quiet run says nothing at all; otherwise what could not be read is said once.
            output.warn(report.diagnostics)
        }
        if !report.identity.isGenuineHyperV { output.status = .answerNo }
        return output
    }
}
