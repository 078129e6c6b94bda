/// What a captured machine is, for `info` (issue 17): an hvctl snapshot or a sos report, by which
/// tool, of which host, when, where its kernel log came from, and what that kind of capture never
/// holds, so "not captured" is said once for the whole capture instead of guessed per file.
public struct CaptureDescription: Sendable, Equatable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        case hvctlSnapshot = "hvctl_snapshot"
        case sosReport = "sos_report"
    }

    public var kind: Kind
    /// The tool as the capture names itself: `hvctl 0.1.0`, `sos 4.4`.
    public var tool: String
    /// The host name the capture recorded (sos: `uname -n`); nil when it records none (hvctl
    /// snapshots redact it).
    public var host: String?
    /// When it was taken, as the capture wrote it.
    public var takenAt: String
    /// The capture's file the kernel log was read from, or a `--kernel-log` path; nil for none.
    public var kernelLog: String?
    /// What this kind of capture never collects (a sos report: MSRs and the KVP pools).
    public var neverCaptured: [String]

    enum CodingKeys: String, CodingKey {
        case kind, tool, host
        case takenAt = "taken_at"
        case kernelLog = "kernel_log"
        case neverCaptured = "never_captured"
    }

    public init(
        kind: Kind, tool: String, host: String?, takenAt: String, kernelLog: String?, neverCaptured: [String]
    ) {
        self.kind = kind
        self.tool = tool
        self.host = host
        self.takenAt = takenAt
        self.kernelLog = kernelLog
        self.neverCaptured = neverCaptured
    }

    /// `sos report by sos 4.4 of host host0, taken 2026-03-14 10:22:31; kernel log from
    /// sos_commands/kernel/dmesg; never captured: synthetic MSRs, KVP pools`.
    public var summary: String {
        var text = (kind == .sosReport ? "sos report" : "hvctl snapshot") + " by " + tool
        if let host { text += " of host " + host }
        text += ", taken " + takenAt
        text += "; kernel log " + (kernelLog.map { "from " + $0 } ?? "not captured")
        if !neverCaptured.isEmpty { text += "; never captured: " + neverCaptured.joined(separator: ", ") }
        return text
    }
}
