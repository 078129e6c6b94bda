/// A `sos report` (issue 17): the archive or directory support already has for most Linux VMs.
///
/// sos copies files at their machine paths (`sys/`, `proc/`, `boot/`, `etc/`, `var/`), so those
/// trees are the machine's as they are. What hvctl's own snapshot keeps in `cpuid.txt` and
/// `kernel.log` sos keeps as command output under `sos_commands/<plugin>/`, the command line
/// mangled into a file name (spaces become `_`: `cpuid -r` is `cpuid_-r`). Names below are those of
/// sos 4.x's plugins (`processor`, `kernel`, `logs`, `hardware`, `hyperv`), written from sos's
/// source as remembered, not re-read this round (no search tool): Tests/Fixtures/sos/PROVENANCE.md.
///
/// sos never reads MSRs nor the KVP pools, so a sos report has neither: they read as not captured.
public struct SosReport: Sendable, Equatable {
    /// The directories sos writes into every report, whatever its plugins: the layout, not the
    /// file name, says "sos report".
    static let commandsDirectory = "sos_commands"
    static let reportDirectories = ["sos_reports", "sos_logs"]

    /// `cpuid -r` (processor plugin), the raw format `cpuid.txt` uses; absent on arm64 and when
    /// the cpuid package is not installed.
    public static let cpuid = "sos_commands/processor/cpuid_-r"
    /// `uname -a` (kernel plugin): the kernel release, the host name and the architecture.
    public static let uname = "sos_commands/kernel/uname_-a"
    /// The processor plugin's copy of `/proc/cpuinfo`, report-relative: only the architecture is
    /// taken from it, when `uname -a` is missing.
    static let cpuinfo = "proc/cpuinfo"
    /// `version.txt`: `sosreport: 4.5.6`.
    public static let version = "version.txt"
    /// sos 4's manifest: `version`, `start_time` ("2026-12-01 10:11:12.345678") and the plugins run.
    public static let manifest = "sos_reports/manifest.json"

    /// Where the kernel log can come from, best first: the ring buffer as `dmesg` printed it
    /// (kernel plugin); the journal of the current boot (logs plugin, `journalctl --no-pager
    /// --catalog --boot`); then the syslog files, of which only the newest boot is kept.
    public static let kernelLogCandidates = [
        "sos_commands/kernel/dmesg", "sos_commands/logs/journalctl_--no-pager_--catalog_--boot",
        "var/log/kern.log", "var/log/messages", "var/log/syslog",
    ]

    /// What no sos plugin collects that hvctl reads.
    public static let neverCaptured = ["synthetic MSRs (/dev/cpu/N/msr)", "KVP pools (/var/lib/hyperv)"]

    /// `4.5.6` from version.txt or the manifest; nil when neither says.
    public var sosVersion: String?
    /// The node name `uname -a` printed (sos `--clean` replaces it with `host0`).
    public var hostName: String?
    /// When sos started, as its manifest says (local time of the machine, no zone).
    public var takenAt: String?
    public var arch: Architecture
    public var kernelRelease: String?

    /// True when the directory has sos's own layout: `sos_commands/` and `sos_reports/` or
    /// `sos_logs/`. Never decided by a file name.
    static func isSosReport(_ reader: RootFileReader) -> Bool {
        guard case .success = reader.directory(at: "/" + commandsDirectory) else { return false }
        return reportDirectories.contains { name in
            if case .success = reader.directory(at: "/" + name) { return true }
            return false
        }
    }

    /// What sos says of itself and of the machine. The architecture comes from `uname -a`, or
    /// from `/proc/cpuinfo` when sos did not run uname; without either the report cannot be read.
    static func read(_ reader: RootFileReader, path: String) throws(SnapshotError) -> SosReport {
        let uname = text(reader, uname).flatMap(UnameLine.init)
        let manifest = (try? reader.file(at: "/" + manifest, limit: 4 << 20).get()).flatMap {
            try? JSONDocument.parse($0, maxEntries: 200_000).get()
        }
        let versionLine = text(reader, version).flatMap { line -> String? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let value = line[line.index(after: colon)...].trimmingWhitespace()
            return value.isEmpty ? nil : String(value)
        }
        guard let arch = uname?.arch ?? cpuinfoArchitecture(reader) else {
            throw SnapshotError(
                path: path,
                message: "\(path) is a sos report without \(Self.uname) or proc/cpuinfo: its architecture is unknown",
                failure: .invalid("no architecture"))
        }
        return SosReport(
            sosVersion: versionLine ?? (try? manifest?.string("version")) ?? nil, hostName: uname?.hostName,
            takenAt: ((try? manifest?.string("start_time")) ?? nil).map(Self.secondsOnly), arch: arch,
            kernelRelease: uname?.release)
    }

    /// `2026-12-01 10:11:12.345678` → `2026-12-01 10:11:12`.
    static func secondsOnly(_ time: String) -> String {
        guard let dot = time.lastIndex(of: "."), time[dot...].dropFirst().allSatisfy(\.isNumber) else { return time }
        return String(time[..<dot])
    }

    /// The first line of a small text file, trimmed; nil when absent, unreadable or empty.
    private static func text(_ reader: RootFileReader, _ relative: String) -> String? {
        guard case .success(let bytes) = reader.file(at: "/" + relative, limit: 64 << 10),
            let line = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first
        else { return nil }
        let trimmed = line.trimmingWhitespace()
        return trimmed.isEmpty ? nil : String(trimmed)
    }

    /// x86 `/proc/cpuinfo` has `vendor_id`, arm64's `CPU implementer` (arch/arm64/kernel/cpuinfo.c).
    private static func cpuinfoArchitecture(_ reader: RootFileReader) -> Architecture? {
        guard case .success(let bytes) = reader.file(at: "/" + cpuinfo, limit: 16 << 20) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.contains("\nvendor_id\t") || text.hasPrefix("processor\t") && text.contains("vendor_id") {
            return .x86_64
        }
        if text.contains("CPU implementer") { return .aarch64 }
        return nil
    }
}

/// `uname -a`: `Linux <node> <release> <version…> <machine> [<processor> <platform>] <os>`. The
/// version holds spaces (`#1 SMP PREEMPT_DYNAMIC Debian 6.1.153-1 (2025-09-20)`), so the machine is
/// found from the end: GNU uname leaves out `-p` and `-i` when they are "unknown" (Debian).
struct UnameLine: Equatable {
    var hostName: String
    var release: String
    var arch: Architecture?

    init?(_ line: String) {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 4, fields[0] == "Linux" else { return nil }
        hostName = String(fields[1])
        release = String(fields[2])
        let machine = fields.dropFirst(3).reversed().first { Architecture(rawValue: String($0)) != nil }
        arch = machine.flatMap { Architecture(rawValue: String($0)) }
    }
}

extension SosReport {
    /// The kernel log of the first candidate the report holds, with the one it came from. The
    /// journal and syslog files hold every program's lines: only the kernel's are kept (the
    /// `kernel: ` tag), and of a syslog file only those since its last `Linux version` line, the
    /// newest boot. Absent when the report holds no candidate (the logs plugin did not run).
    static func kernelLog(_ reader: RootFileReader, limit: Int) -> (
        source: String, lines: Result<[String], ReadFailure>
    )? {
        for (index, candidate) in kernelLogCandidates.enumerated() {
            let read = reader.file(at: "/" + candidate, limit: limit)
            if case .failure(.absent) = read { continue }
            let lines = read.flatMap(KernelLogText.lines).map { lines -> [String] in
                guard index > 0 else { return lines }
                let kernel = lines.filter { $0.contains(" kernel: ") }
                guard index > 1, let boot = kernel.lastIndex(where: { $0.contains(" kernel: Linux version ") }) else {
                    return kernel
                }
                return Array(kernel[boot...])
            }
            return (candidate, lines)
        }
        return nil
    }

    /// The manifest hvctl's readers see for a sos report: what sos says, no unreadable list
    /// (sos runs as root and records no errno per file).
    var manifest: SnapshotManifest {
        SnapshotManifest(
            createdAt: takenAt ?? "unknown", tool: "sos " + (sosVersion ?? "(version unknown)"), arch: arch,
            kernelRelease: kernelRelease)
    }
}
