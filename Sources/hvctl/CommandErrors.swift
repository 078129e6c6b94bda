import ArgumentParser
import HyperVKit

/// Every error ends the same way (issue 14): one `hvctl: ` line (lower case, no "Error:"), the
/// usage of the command concerned on the lines after it for a usage error, and under `--json` one
/// error document on stdout (`CommandRunner.ErrorDocument`).
enum CommandErrors {
    static func report(_ message: String, usage: String, json: Bool, status: Int32 = ExitStatus.usage.rawValue) {
        var text = Substring(message)
        if text.hasPrefix("Error: ") { text = text.dropFirst(7) }
        let first = String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
        Terminal.warn("hvctl: " + lowerFirst(first))
        let usageLines = usage.split(separator: "\n", omittingEmptySubsequences: false).drop {
            !$0.hasPrefix("Usage:")
        }
        if !usageLines.isEmpty { Terminal.warn(usageLines.joined(separator: "\n")) }
        if json {
            let failure = CommandFailure(lowerFirst(first), status: ExitStatus(rawValue: status) ?? .usage)
            if let document = try? JSONOutput.render(CommandRunner.ErrorDocument(failure: failure)) {
                try? Terminal.write(document)
            }
        }
    }

    /// "Unknown option" → "unknown option": messages are lower case (docs/architecture.md ("Style")).
    static func lowerFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase, !(text.dropFirst().first?.isUppercase ?? false) else {
            return text
        }
        return first.lowercased() + text.dropFirst()
    }
}

/// A mistyped subcommand (`hvctl vmbus chanels`): ArgumentParser would take the word as an
/// argument of the default subcommand and show that one's usage; this names the command meant.
enum CommandSuggestion {
    struct Mistyped {
        var message: String
        var usage: String
    }

    static func check(_ arguments: [String]) -> Mistyped? {
        var command: any ParsableCommand.Type = HVCtl.self
        var path = ["hvctl"]
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word.hasPrefix("-") {
                // An option's value is not a command: skip the values of the global options.
                if ["--snapshot", "--root", "--kernel-log", "--color"].contains(word) { index += 1 }
                continue
            }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty else { return nil }
            if let next = subcommands.first(where: { $0.configuration.commandName == word }) {
                command = next
                path.append(word)
                continue
            }
            guard word.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
            var names: [String] = []
            for subcommand in subcommands {
                if let name = subcommand.configuration.commandName, name != "help" { names.append(name) }
            }
            guard let best = names.min(by: { distance($0, word) < distance($1, word) }), distance(best, word) <= 2
            else { return nil }
            let full = (path + [best]).joined(separator: " ")
            let usage = subcommands.first { $0.configuration.commandName == best }.map(usageLine) ?? full
            return Mistyped(
                message: "unknown command '\(word)' for '\(path.joined(separator: " "))': did you mean '\(best)'?",
                usage: "Usage: " + usage + "\n  See '\(full) --help' for more information.")
        }
        return nil
    }

    /// Levenshtein distance, for short words.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var row = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var next = [i + 1]
            for (j, y) in b.enumerated() {
                next.append(min(row[j + 1] + 1, next[j] + 1, row[j] + (x == y ? 0 : 1)))
            }
            row = next
        }
        return row[b.count]
    }
}

extension CommandSuggestion {
    /// The USAGE line of a subcommand's help, as ArgumentParser writes it.
    static func usageLine(_ command: any ParsableCommand.Type) -> String {
        let help = HVCtl.helpMessage(for: command, includeHidden: false, columns: 400)
        for line in help.split(separator: "\n") where line.hasPrefix("USAGE: ") {
            return String(line.dropFirst("USAGE: ".count))
        }
        return command.configuration.commandName ?? ""
    }
}
