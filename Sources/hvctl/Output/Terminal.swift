import ArgumentParser
import HyperVKit

#if canImport(Glibc)
    import Glibc
#endif

/// `--color auto|always|never`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    case auto, always, never
}

/// Where output goes and whether it may be coloured (docs/architecture.md, "Reports and output").
struct Terminal: Sendable {
    /// Colour only when stdout is a TTY, NO_COLOR is unset and TERM is not `dumb`, unless `--color`
    /// says otherwise (https://no-color.org: any non-empty NO_COLOR disables colour).
    static func wantsColor(_ choice: ColorChoice, isTTY: Bool, environment: [String: String]) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isTTY
        }
    }

    static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Writes to stdout exactly as given, every byte (EINTR and short writes retried); a write that
    /// fails is exit 74 with one message (issue 14: `>/dev/full` must not pass for success).
    static func write(_ text: String) throws(CommandFailure) {
        guard let code = AtomicFile.writeAll(STDOUT_FILENO, Array(text.utf8)) else { return }
        throw CommandFailure("cannot write the output: \(code.message)", status: .ioError)
    }

    /// Writes one line to stderr: diagnostics and hints never mix with results. Whether stderr took
    /// it is returned, so a run whose warnings were lost does not end as a clean success.
    @discardableResult
    static func warn(_ line: String) -> Bool {
        AtomicFile.writeAll(STDERR_FILENO, Array((line + "\n").utf8)) == nil
    }
}
