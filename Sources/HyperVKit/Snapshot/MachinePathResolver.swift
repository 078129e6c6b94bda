/// Resolves machine paths through symbolic links the way the kernel does, asking only
/// `Machine.link`, so a capture knows where a link really leads before it copies anything
/// (docs/snapshot-format.md: links are kept only when they stay inside `/sys`).
///
/// The walk is `SymbolicLinkWalk`'s; a component that is not a link (or is missing: a dangling
/// link's target) is taken as it is. Answers are cached per path: the VMBus devices of
/// a large guest share every directory above them.
struct MachinePathResolver {
    let machine: any Machine
    /// Path → its stored link target, or nil when it is not a link.
    private var links: [String: String?] = [:]

    init(machine: any Machine) {
        self.machine = machine
    }

    /// The path with every link resolved, as `/a/b/c`; nil when the links loop.
    mutating func resolve(_ path: String) -> String? {
        let resolved = SymbolicLinkWalk.resolve(path) { components in
            linkTarget("/" + components.joined(separator: "/"))
        }
        return resolved.map { "/" + $0.joined(separator: "/") }
    }

    /// The stored target of `path` when it is a symbolic link.
    mutating func linkTarget(_ path: String) -> String? {
        if let cached = links[path] { return cached }
        var target: String?
        if case .success(let stored) = machine.link(at: path) { target = stored }
        links[path] = target
        return target
    }

    /// Whether `path` is `directory` or beneath it.
    static func isWithin(_ path: String, _ directory: String) -> Bool {
        path == directory || path.hasPrefix(directory + "/")
    }

    /// The target to store for a link at `linkPath` whose stored target is `target`: the target
    /// itself when it is relative and, read from the link's directory, never climbs above the root
    /// (what `SnapshotArchive` accepts); an absolute target rewritten relative to the link's
    /// directory. nil when neither is possible.
    static func relativeTarget(_ target: String, linkPath: String) -> String? {
        let directory = linkPath.split(separator: "/").dropLast()
        guard !target.isEmpty else { return nil }
        if !target.hasPrefix("/") {
            var depth = directory.count
            for component in target.split(separator: "/") {
                if component == ".." { depth -= 1 } else if component != "." { depth += 1 }
                if depth < 0 { return nil }
            }
            return target
        }
        var absolute: [Substring] = []
        for component in target.split(separator: "/") {
            if component == ".." {
                _ = absolute.popLast()
            } else if component != "." {
                absolute.append(component)
            }
        }
        var common = 0
        while common < min(directory.count, absolute.count) && directory[common] == absolute[common] { common += 1 }
        let up = Array(repeating: "..", count: directory.count - common)
        let down = absolute[common...].map(String.init)
        let joined = (up + down).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }
}
