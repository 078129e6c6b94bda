import ArgumentParser

/// The exit-status contract scripts rely on (docs/architecture.md, "Exit status").
enum ExitStatus: Int32, CaseIterable, Sendable {
    case success = 0
    case answerNo = 1
    case usage = 64
    case invalidInput = 65
    case notApplicable = 69
    case ioError = 74
    case permissionDenied = 77

    var exitCode: ExitCode { ExitCode(rawValue) }

    /// The meaning, as `hvctl --help` and the man page print it.
    var meaning: String {
        switch self {
        case .success: return "success; the answer is yes (healthy, feature present, CPU can go offline)"
        case .answerNo: return "the answer is no (a check failed, a required feature is missing, a CPU is blocked)"
        case .usage: return "usage error"
        case .invalidInput: return "the input is invalid (a snapshot that cannot be read, a malformed value)"
        case .notApplicable: return "not applicable here: not a Hyper-V guest, no VMBus, no CPUID on this architecture"
        case .ioError: return "an I/O error while reading or writing the system"
        case .permissionDenied: return "permission denied (MSRs, kernel log, sysfs writes need root)"
        }
    }

    /// The table for `--help` and the man page, wrapped here with a hanging indent: help text is
    /// wrapped at 80 columns, and a line it wraps itself starts at column 0 (issue 14).
    static var table: String {
        // Counted in UTF-8 bytes (the meanings are ASCII): the root command's help holds this
        // table, and ArgumentParser builds every help text at start (issue 15).
        allCases.map { status in
            let code = String(status.rawValue)
            var lines: [String] = []
            var line = String(repeating: " ", count: 3 - code.count) + code + "  "
            var lineHasWord = false
            for word in status.meaning.split(separator: " ") {
                if lineHasWord && line.utf8.count + word.utf8.count + 1 > 76 {
                    lines.append(line)
                    line = "     "
                    lineHasWord = false
                }
                line += (lineHasWord ? " " : "") + word
                lineHasWord = true
            }
            return (lines + [line]).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

/// A failure that ends the command: a one-line message for stderr and the documented exit status.
struct CommandFailure: Error, Sendable {
    var message: String
    var hint: String?
    var status: ExitStatus

    init(_ message: String, hint: String? = nil, status: ExitStatus) {
        self.message = message
        self.hint = hint
        self.status = status
    }
}
