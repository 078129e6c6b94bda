import Foundation
import HyperVKit
import Testing

@testable import hvctl

/// Issue 17, "Must show": a sos report of a machine gives the same answers as the hvctl snapshot of
/// the same machine (Tests/Fixtures/sos, generated from the same models), as a directory and as
/// the `.tar.xz` sos writes. What sos never collects is the only difference allowed, each listed:
/// - `info`: `capture` (what the capture is), `host_kvp` and the `kvp` identity source (sos does
///   not copy /var/lib/hyperv);
/// - `health`: the two checks that read MSRs (`reference_tsc.enabled`, `msr.crash_enabled`), which
///   must then be skips ("unavailable" on x86, "not_applicable" on arm64; never a pass), the `counts` they shift, `kvp` in
///   `hyperv.detected`'s unread sources, and `origin`.
/// `features`, `vmbus channels` and `cpu offline-check --all` must be identical.
@Suite struct SosReportEquivalenceTests {
    static let machines = ["azure-d8ds-v5", "azure-arm64"]
    static let forms = ["", ".tar.xz"]
    static let commands: [[String]] = [
        ["info"], ["features"], ["vmbus", "channels"], ["cpu", "offline-check", "--all"], ["health"],
    ]
    static let msrChecks: Set<String> = ["reference_tsc.enabled", "msr.crash_enabled"]

    private func json(_ path: String, _ command: [String]) throws -> (status: hvctl.ExitStatus, value: [String: Any]) {
        let output = try CommandHarness.run(["--snapshot", path] + command + ["--json"])
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
        return (output.status, try #require(object as? [String: Any]))
    }

    /// The report less what sos does not collect; `sos` says which side it is, to check the
    /// removed MSR checks are skips there.
    private func comparable(_ report: [String: Any], _ command: [String], sos: Bool) -> NSDictionary {
        var report = report
        switch command {
        case ["info"]:
            report["capture"] = nil
            report["host_kvp"] = nil
            if var identity = report["identity"] as? [String: Any],
                let sources = identity["sources"] as? [[String: Any]]
            {
                identity["sources"] = sources.filter { $0["source"] as? String != "kvp" }
                report["identity"] = identity
            }
        case ["health"]:
            report["origin"] = nil
            report["counts"] = nil
            let checks = (report["checks"] as? [[String: Any]]) ?? []
            for check in checks where Self.msrChecks.contains(check["id"] as? String ?? "") && sos {
                #expect(check["status"] as? String == "skip", "\(check["id"] ?? "") on a sos report")
                // x86: not captured; arm64 has no MSRs at all, on either side.
                #expect(["unavailable", "not_applicable"].contains(check["skip_reason"] as? String ?? ""))
            }
            report["checks"] = checks.filter { !Self.msrChecks.contains($0["id"] as? String ?? "") }.map {
                check -> [String: Any] in
                guard var details = check["details"] as? [String: Any], let unread = details["unread"] as? [String]
                else { return check }
                details["unread"] = unread.filter { $0 != "kvp" }
                var check = check
                check["details"] = details
                return check
            }
        default: break
        }
        return report as NSDictionary
    }

    @Test(arguments: machines, forms)
    func aSosReportAnswersAsTheSnapshotOfTheSameMachine(_ machine: String, _ form: String) throws {
        let snapshot = FixturePaths.snapshot(machine)
        let sos = FixturePaths.snapshot("sos/" + machine + form)
        for command in Self.commands {
            let expected = try json(snapshot, command)
            let actual = try json(sos, command)
            let label = "\(machine)\(form): hvctl \(command.joined(separator: " "))"
            #expect(actual.status == expected.status, "\(label): exit status")
            #expect(
                comparable(actual.value, command, sos: true) == comparable(expected.value, command, sos: false),
                "\(label) differs")
        }
    }

    /// `info` names the capture: sos's version, the host, when, and where the kernel log came from.
    @Test func infoNamesTheSosReport() throws {
        let output = try CommandHarness.run(["--snapshot", FixturePaths.snapshot("sos/azure-d8ds-v5.tar.xz"), "info"])
        #expect(
            output.stdout.contains(
                "Captured        sos report by sos 4.4 of host host0, taken 2026-03-14 10:22:31; kernel log from "
                    + "sos_commands/kernel/dmesg; never captured: synthetic MSRs (/dev/cpu/N/msr), KVP pools"))
    }
}
