import Testing

@testable import HyperVKit

/// Issue 13: one stderr line per kind of problem, with a count and an example; at most ten lines.
@Suite struct DiagnosticSummaryTests {
    private func missing(_ relid: Int, _ name: String) -> Diagnostic {
        let path = "/sys/bus/vmbus/devices/000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c/channels/\(relid)/\(name)"
        return Diagnostic(path: path, message: "\(path) is missing")
    }

    @Test func oneLinePerKind() {
        let diagnostics = (10..<60).map { missing($0, "interrupts") } + (10..<60).map { missing($0, "events") }
        let lines = DiagnosticSummary.lines(diagnostics)
        #expect(lines.count == 2)
        #expect(
            lines[0]
                == "hvctl: warning: 50 channels: /sys/bus/vmbus/devices/*/channels/*/interrupts is missing (e.g. "
                + "/sys/bus/vmbus/devices/000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c/channels/10/interrupts; --verbose lists each)"
        )
        #expect(DiagnosticSummary.lines([missing(3, "cpu")]) == ["hvctl: warning: \(missing(3, "cpu").message)"])
    }

    @Test func atMostTenLines() {
        let names = (0..<25).map { "attr\($0)" }
        let diagnostics = names.flatMap { name in [missing(1, name), missing(2, name)] }
        let lines = DiagnosticSummary.lines(diagnostics)
        #expect(lines.count == 10)
        #expect(
            lines.last == "hvctl: warning: 32 more warnings of 16 kinds (--verbose lists each; --json keeps every one)")
    }

    @Test func patterns() {
        #expect(
            DiagnosticSummary.pattern("/sys/devices/system/cpu/cpu12/online") == "/sys/devices/system/cpu/cpu*/online")
        #expect(
            DiagnosticSummary.pattern("/sys/devices/system/node/node1/cpulist")
                == "/sys/devices/system/node/node*/cpulist")
        #expect(DiagnosticSummary.noun(Diagnostic(path: "/sys/devices/system/cpu/cpu3/online", message: "x")) == "CPUs")
    }
}
