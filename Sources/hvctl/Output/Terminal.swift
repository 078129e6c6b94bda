import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

/// `--color auto|always|never`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    case auto, always, never
}

/// Where output goes and whether it may be coloured (architecture.md, "Reports and output").
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

    /// Writes to stdout exactly as given.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(
                    STDOUT_FILENO, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Writes one line to stderr: diagnostics and hints never mix with results.
    static func warn(_ line: String) {
        var text = line + "\n"
        text.withUTF8 { buffer in
            _ = Glibc.write(STDERR_FILENO, buffer.baseAddress, buffer.count)
        }
    }
}
