import ArgumentParser
import HyperVKit

extension HealthReport.FailOn: ExpressibleByArgument {}

/// The discussion of `hvctl health` (and so its man page): the checks from the catalogue, the exit
/// statuses, the formats and the configuration keys.
enum HealthHelp {
    static var discussion: String {
        """
        Runs the checks below on this machine (or --snapshot / --root) and prints one line per check. \
        Every source (CPUID, DMI, /sys/bus/vmbus, the CPU lists, the clock source, CPU 0's MSRs, the \
        kernel log) is read once and shared by the checks that use it. Each check has a severity: a \
        fail check that finds its problem fails the run; a warn check only with --fail-on warn; an info \
        check never (its finding shows as info). A check that does not apply, or whose source cannot be \
        read (MSRs need root and modprobe msr; the kernel log may need root), is skipped and says why.

        CHECKS (id, severity: what)
        \(checkList)

        On a machine that is not a Hyper-V guest, hyperv.detected fails and every other check is \
        skipped: health answers "is this a healthy Hyper-V guest?", so the answer is no (exit 1), not \
        "not applicable" (69), and the JUnit or TAP file still says why.

        FORMATS: text (STATUS, ID, SUMMARY; colour on a terminal), json (schema_version 1: status, \
        checks[] {id, status, summary, details, severity, title, reason, found, skip_reason}, counts, \
        fail_on, failed, origin, diagnostics), junit (one testsuite, one testcase per check with its \
        findings as properties: <failure> for a failed check, and for a warning with --fail-on warn; \
        <skipped/> for a skipped one), tap (ok/not ok N - id: summary, # SKIP, a YAML block with the \
        status, severity and the details as YAML). A skip's skip_reason is permission (needs root), \
        unavailable, not_applicable or not_configured.

        CONFIGURATION (--config FILE, TOML, or JSON with the same keys as nested objects; unknown keys \
        are errors, so a typo cannot silently leave a check at its default):
          [vmbus] min_version = "4.0"               minimum negotiated VMBus version (vmbus.version)
          [vmbus] expected_devices = ["nic","scsi"] classes that must be offered (vmbus.expected_devices)
          [channels.balance] max_ratio = 2.0         channels.balance threshold
          [rings] max_fill_percent = 90              rings.full fill threshold
          [isolation] expected = "snp"               none, vbs, snp, tdx or cca (isolation.expected)
          [severity] "cpu.phantom" = "warn"          a check's severity: fail, warn or info
          [checks] skip = ["kernel_log.errors"]      checks never run
        A bad file exits 65 with one line naming the file and line: \
        health.toml:7: expected a number for channels.balance.max_ratio.

        Exit status: 0 when no check failed (warnings allowed unless --fail-on warn); 1 when a check \
        failed (or warned, with --fail-on warn), including hyperv.detected on a machine that is not a \
        Hyper-V guest; 64 for an unknown --check or --skip id (the valid ids are listed); 65 for a bad \
        configuration file or an unreadable snapshot; 77 when the configuration file cannot be read \
        for permissions.
        """
    }

    static var checkList: String {
        HealthCatalog.all.map { "  \($0.id), \($0.severity.rawValue): \($0.title)" }
            .joined(separator: "\n")
    }
}

/// `hvctl health --list`: the catalogue as a table.
enum HealthListText {
    /// `health --list --json`: `{schema_version, checks: [{id, severity, title, reason}], diagnostics}`.
    struct Document: Encodable {
        struct Entry: Encodable {
            var id: String
            var severity: String
            var title: String
            var reason: String
        }

        var checks: [Entry]

        enum CodingKeys: String, CodingKey {
            case schemaVersion = "schema_version"
            case checks, diagnostics
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(1, forKey: .schemaVersion)
            try container.encode(checks, forKey: .checks)
            try container.encode([Diagnostic](), forKey: .diagnostics)
        }
    }

    static func json() throws -> String {
        try JSONOutput.render(
            Document(
                checks: HealthCatalog.all.map {
                    Document.Entry(id: $0.id, severity: $0.severity.rawValue, title: $0.title, reason: $0.reason)
                }))
    }

    static let columnKeys = ["id", "severity", "title"]

    static func render(color: Bool, layout: TableLayout = .all) -> String {
        var table = Table(columns: [Table.Column("ID"), Table.Column("SEVERITY"), Table.Column("TITLE")])
        for check in HealthCatalog.all {
            table.append([Table.Cell(check.id), Table.Cell(check.severity.rawValue), Table.Cell(check.title)])
        }
        return table.render(layout: layout, color: color)
    }
}
