import ArgumentParser
import HyperVKit

struct MSRCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "msr",
        abstract: "Hyper-V's synthetic MSRs, decoded and compared with what a healthy Linux guest programs.",
        discussion: """
            Reads the synthetic MSRs of reference §2 through /dev/cpu/N/msr (pread at the MSR index; needs \
            root and the msr driver, which hvctl never loads: modprobe msr) or from a snapshot's \
            msr/cpu<N>.txt, and decodes each field: the guest OS ID Linux registered (with its kernel \
            version), the hypercall, reference-TSC and VP-assist pages, VP index, VP run time and partition \
            uptime (100 ns units), TSC and APIC frequencies, the SynIC (SCONTROL, SVERSION, SIEFP, SIMP, \
            SINT0-15: vector, masked, auto-EOI, polling), the synthetic timers, the crash MSRs (and what Linux \
            wrote there at panic), reenlightenment, TSC emulation and TSC invariant control. EXPECTED is what \
            a healthy Linux guest shows (reference §2.3, e.g. SINT2 vector 0xf3 unmasked, STIMER0 0x1ed9 in \
            direct mode); OK says whether the value agrees.

            NAME is any MSR name, in any case, with or without HV_X64_MSR_ (GUEST_OS_ID, sint2, \
            HV_X64_MSR_REFERENCE_TSC), or an address (0x40000021); without names, every MSR whose layout the \
            reference gives is read. An MSR the partition is not granted (CPUID 0x40000003, or the kernel \
            log's privilege line without CPUID) is not read unless --force; GUEST_IDLE (0x400000F0, a read \
            idles the CPU), RESET, EOI and EOM are never read, not even with --force; SIRBP only when named. --cpu N reads \
            one CPU (default 0), --all-cpus every online CPU and lists the values that differ between CPUs \
            (per VP, as VP_INDEX and the page addresses should, or partition-wide, which should not).

            JSON (schema_version 1): cpus[] {cpu, vp_index, msrs[] {index, name, raw ("0x%016x" or null), \
            error (null, an errno name such as EIO, EACCES, EPERM, ENOENT, ENXIO, or not_granted, unsafe, \
            not_captured, invalid), fields {decoded, named as in docs/json-schema.md}, summary, expected, \
            matches, explanation, tlfs_name, linux_macro, scope, gate}}, differences[] {index, name, scope, \
            expected, note, values[] {raw, cpus[]}}, privileges {source, eax, ebx, edx, hints}, forced, \
            diagnostics.

            Exit status: 0 when at least one MSR was read (failed reads are warnings), or when nothing needed \
            reading; 77 when every read failed with EACCES or EPERM (run as root; CAP_SYS_RAWIO); 69 on \
            arm64 (no user-space access to synthetic registers), on a machine that is not a Hyper-V guest \
            (unless --force), or when every read failed with ENOENT or ENXIO (the msr driver is not loaded); \
            74 when every read failed otherwise (EIO); 65 for a snapshot without MSR captures; 64 for an \
            unknown name or CPU.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: ArgumentHelp("MSR names or addresses (default: every decoded MSR).", valueName: "name|address"),
        completion: .list(MSRCatalog.all.map { $0.name.lowercased() }))
    var names: [String] = []

    @Option(name: .customLong("cpu"), help: ArgumentHelp("Read CPU N (default 0).", valueName: "n"))
    var cpu: Int?

    @Flag(name: .customLong("all-cpus"), help: "Read every online CPU and show the values that differ.")
    var allCPUs = false

    @Flag(help: "Print the raw values only, without decoding.")
    var raw = false

    @Flag(help: "Also read MSRs the partition is not granted (never the unsafe ones).")
    var force = false

    @OptionGroup var table: TableOptions<MSRText>

    func validate() throws {
        if cpu != nil && allCPUs { throw ValidationError("--cpu and --all-cpus cannot be used together") }
        if let cpu, cpu < 0 { throw ValidationError("--cpu: \(cpu) is not a CPU number") }
    }

    func run() throws { try runReport() }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let layout = try table.layout(MSRText.columnKeys(raw: raw))
        let indexes = try MSRNames.resolve(names, force: force)
        let cpus = try MSRCPUSelection.resolve(context.machine, cpu: cpu, all: allCPUs)
        let report: MSRReport
        switch MSRReportBuilder.build(context.machine, request: MSRRequest(indexes: indexes, cpus: cpus, force: force))
        {
        case .success(let built): report = built
        case .failure(let failure): throw CommandFailure(failure)
        }
        var output = CommandOutput()
        output.stdout = try CommandRunner.render(report, context: context) {
            MSRText(report: report, color: context.color, layout: layout, raw: raw).render()
        }
        output.warn(report.diagnostics)
        switch report.readStatus {
        case .someRead: output.status = .success
        case .permissionDenied: output.status = .permissionDenied
        case .driverMissing: output.status = .notApplicable
        case .allFailed: output.status = .ioError
        case .nothingCaptured, .invalidCapture: output.status = .invalidInput
        }
        return output
    }
}

/// MSR arguments: names from the catalogue (any case, with or without `HV_X64_MSR_`) or addresses.
enum MSRNames {
    /// The synthetic range hvctl reads an uncatalogued address in, with --force only.
    static let syntheticRange: ClosedRange<UInt32> = 0x4000_0000...0x4000_FFFF

    static func resolve(_ names: [String], force: Bool) throws(CommandFailure) -> [UInt32] {
        var indexes: [UInt32] = []
        for name in names {
            let index = try resolve(name, force: force)
            if !indexes.contains(index) { indexes.append(index) }
        }
        return indexes
    }

    static func resolve(_ name: String, force: Bool) throws(CommandFailure) -> UInt32 {
        if let msr = MSRCatalog.msr(named: name) { return msr.index }
        let lowered = name.lowercased()
        guard lowered.hasPrefix("0x"), let index = UInt32(lowered.dropFirst(2), radix: 16) else {
            throw CommandFailure(
                "unknown MSR \"\(name)\"",
                hint: "write a name such as GUEST_OS_ID or SINT2, or an address such as 0x40000021",
                status: .usage)
        }
        if MSRCatalog.msr(at: index) != nil { return index }
        guard syntheticRange.contains(index) else {
            throw CommandFailure(
                "\(name) is not a Hyper-V synthetic MSR (0x40000000-0x4000ffff)", hint: "use rdmsr for other MSRs",
                status: .usage)
        }
        guard force else {
            throw CommandFailure(
                "\(name) is not an MSR the reference describes", hint: "--force reads it raw", status: .usage)
        }
        return index
    }
}

/// `--cpu N` / `--all-cpus` against the CPUs the machine has online.
enum MSRCPUSelection {
    static func resolve(_ machine: any Machine, cpu: Int?, all: Bool) throws(CommandFailure) -> [Int] {
        let online = CPUTopology.read(from: machine).0.online
        if all { return online?.cpus ?? [0] }
        let wanted = cpu ?? 0
        if let online, !online.contains(wanted) {
            throw CommandFailure(
                "--cpu: CPU \(wanted) is not online on \(machine.origin) (online: \(online))", status: .usage)
        }
        return [wanted]
    }
}
