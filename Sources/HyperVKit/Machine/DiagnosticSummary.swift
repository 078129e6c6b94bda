/// Stderr as a person can read it (issue 13): diagnostics of one kind (the same message about the
/// same attribute of many devices, channels or CPUs) become one line with a count and an example,
/// and at most `limit` lines are printed in all. JSON keeps every diagnostic; `--verbose` prints each.
public enum DiagnosticSummary {
    public static let limit = 10

    /// One line per kind, in first-seen order, capped at `limit` (the last line then counts the rest).
    public static func lines(_ diagnostics: [Diagnostic], limit: Int = DiagnosticSummary.limit) -> [String] {
        var order: [String] = []
        var groups: [String: (first: Diagnostic, count: Int)] = [:]
        for diagnostic in diagnostics {
            let key = kind(diagnostic)
            if let group = groups[key] {
                groups[key] = (group.first, group.count + 1)
            } else {
                order.append(key)
                groups[key] = (diagnostic, 1)
            }
        }
        var lines: [String] = []
        for key in order {
            guard let group = groups[key] else { continue }
            if group.count == 1 {
                lines.append("hvctl: \(group.first)")
                continue
            }
            var line = "hvctl: \(group.first.severity.rawValue): \(group.count) \(noun(group.first)): \(key)"
            if let path = group.first.path { line += " (e.g. \(path); --verbose lists each)" }
            if let hint = group.first.hint { line += " (hint: \(hint))" }
            lines.append(line)
        }
        guard lines.count > limit else { return lines }
        let rest = lines.count - (limit - 1)
        let hidden = order.suffix(rest).reduce(0) { $0 + (groups[$1]?.count ?? 0) }
        return Array(lines.prefix(limit - 1)) + [
            "hvctl: warning: \(hidden) more warnings of \(rest) kinds (--verbose lists each; --json keeps every one)"
        ]
    }

    /// What a group counts: the directory the path's last varying part is an entry of (`channels`,
    /// `devices`, `CPUs`), else `times`.
    static func noun(_ diagnostic: Diagnostic) -> String {
        guard let path = diagnostic.path else { return "times" }
        let parts = pattern(path).split(separator: "/")
        guard let last = parts.lastIndex(where: { $0 == "*" || $0.hasSuffix("*") }) else { return "times" }
        if parts[last] == "cpu*" { return "CPUs" }
        if parts[last] == "node*" { return "NUMA nodes" }
        return last > 0 && parts[last] == "*" ? String(parts[last - 1]) : "times"
    }

    /// The message with its path generalised: each number, GUID and `cpuN`/`nodeN` component
    /// becomes `*`, so the same problem on many channels has one key.
    public static func kind(_ diagnostic: Diagnostic) -> String {
        guard let path = diagnostic.path, diagnostic.message.contains(path) else { return diagnostic.message }
        return diagnostic.message.replacing(path, with: pattern(path))
    }

    static func pattern(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { component -> String in
            if !component.isEmpty, component.allSatisfy(\.isNumber) { return "*" }
            if component.count == 36, component.filter({ $0 == "-" }).count == 4,
                component.allSatisfy({ $0.isHexDigit || $0 == "-" })
            {
                return "*"
            }
            for prefix in ["cpu", "node"] where component.hasPrefix(prefix) {
                let rest = component.dropFirst(prefix.count)
                if !rest.isEmpty, rest.allSatisfy(\.isNumber) { return prefix + "*" }
            }
            return String(component)
        }.joined(separator: "/")
    }
}
