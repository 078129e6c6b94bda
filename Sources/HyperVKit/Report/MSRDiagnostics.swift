/// The warnings and hints of an MSR report: one line per kind of failure with the CPUs it hit, and
/// one hint for each (reference §9 for what each errno means on `/dev/cpu/N/msr`).
public enum MSRDiagnostics {
    /// The msr driver is a module on Debian (`CONFIG_X86_MSR=m`); hvctl never loads it itself.
    public static let driverHint = "the msr driver is not loaded: run modprobe msr as root; hvctl never loads it"
    /// /dev/cpu/N/msr is mode 0600 root.
    public static let accessHint = "run as root: /dev/cpu/N/msr is readable by root only"
    /// `msr_open()` needs CAP_SYS_RAWIO; lockdown refuses only writes (`arch/x86/kernel/msr.c`).
    public static let capabilityHint =
        "needs CAP_SYS_RAWIO: run as root outside a container or user namespace that drops it "
        + "(kernel lockdown refuses only MSR writes, which hvctl never makes)"
    /// A #GP on rdmsr (§2.1, §9).
    public static let ioHint =
        "EIO is the #GP of an MSR the hypervisor does not implement or does not grant this partition"

    public static func make(_ report: MSRReport) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var byError: [(code: String, cpus: [Int], names: [String])] = []
        for cpu in report.cpus {
            for reading in cpu.readings where reading.wasAttempted {
                guard let code = reading.errorCode else { continue }
                if let position = byError.firstIndex(where: { $0.code == code }) {
                    if !byError[position].cpus.contains(cpu.cpu) { byError[position].cpus.append(cpu.cpu) }
                    if !byError[position].names.contains(reading.name) { byError[position].names.append(reading.name) }
                } else {
                    byError.append((code, [cpu.cpu], [reading.name]))
                }
            }
        }
        for entry in byError {
            let what = entry.names.count > 3 ? "\(entry.names.count) MSRs" : entry.names.joined(separator: ", ")
            let message = "\(what) on CPU \(CPUList(entry.cpus)): \(describe(entry.code))"
            diagnostics.append(Diagnostic(source: .msr, message: message, hint: hint(entry.code)))
        }
        diagnostics += refusals(report)
        for difference in report.differences where !difference.expected {
            diagnostics.append(
                Diagnostic(source: .msr, message: "\(difference.msr.name) differs between CPUs: \(difference.note)"))
        }
        return diagnostics
    }

    static func refusals(_ report: MSRReport) -> [Diagnostic] {
        guard let first = report.cpus.first else { return [] }
        var diagnostics: [Diagnostic] = []
        let notGranted = first.readings.filter { $0.outcome == .notGranted }
        if !notGranted.isEmpty {
            let names = notGranted.map { "\($0.name) (\($0.msr?.gate?.description ?? "?"))" }.joined(separator: ", ")
            diagnostics.append(
                Diagnostic(
                    source: .msr, message: "not granted to this partition, not read: \(names)",
                    hint: "--force reads them anyway; a read the partition is not granted fails with EIO"))
        }
        for reading in first.readings {
            guard case .unsafe(let why) = reading.outcome else { continue }
            diagnostics.append(Diagnostic(source: .msr, message: "\(reading.name) is never read: \(why)"))
        }
        return diagnostics
    }

    static func describe(_ code: String) -> String {
        if code == "not_captured" { return "not in the snapshot" }
        if code == "invalid" { return "the value could not be used" }
        guard let errno = Errno(name: code) else { return code }
        return "\(errno.message) (\(code))"
    }

    static func hint(_ code: String) -> String? {
        switch code {
        case "ENOENT", "ENXIO": return driverHint
        case "EACCES": return accessHint
        case "EPERM": return capabilityHint
        case "EIO": return ioHint
        default: return nil
        }
    }
}
