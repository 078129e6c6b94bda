/// Resolves every symbolic link in a path the way the kernel's path walk does, asking a caller's
/// lookup for each component's link target; one walk behind both the by-hand fallback of
/// `RootFileReader` (lookups beneath a root descriptor) and `MachinePathResolver` (lookups through
/// `Machine.link`, for a capture).
///
/// `..` after a link goes up from where the link led; an absolute target starts again at the root,
/// and `..` at the root stays there.
enum SymbolicLinkWalk {
    /// Links followed at most in one walk, as the kernel's `MAXSYMLINKS`.
    static let maxHops = 40

    /// The components of `path` with every link resolved, or nil when more than `maxHops` links
    /// are followed (a loop). `linkTarget` gets the components resolved so far plus the next one
    /// and answers with that path's stored link target, nil when it is not a link, or throws to
    /// end the walk.
    static func resolve<Failure: Error>(
        _ path: String, linkTarget: ([String]) throws(Failure) -> String?
    ) throws(Failure) -> [String]? {
        try walk(path, linkTarget: linkTarget)?.components
    }

    /// Whether resolving `path` ever steps above the root (a `..` there, which a kernel walk from a
    /// directory that is not `/` would follow out of it), or meets an absolute target; nil for a loop.
    /// What `SnapshotArchive` asks of every link of an archive, against all its links at once.
    static func leavesRoot<Failure: Error>(
        _ path: String, linkTarget: ([String]) throws(Failure) -> String?
    ) throws(Failure) -> Bool? {
        try walk(path, linkTarget: linkTarget)?.leftRoot
    }

    private static func walk<Failure: Error>(
        _ path: String, linkTarget: ([String]) throws(Failure) -> String?
    ) throws(Failure) -> (components: [String], leftRoot: Bool)? {
        var pending = Array(path.split(separator: "/").map(String.init).reversed())
        var resolved: [String] = []
        var hops = 0
        var leftRoot = path.hasPrefix("/")
        while let component = pending.popLast() {
            if component == "." || component.isEmpty { continue }
            if component == ".." {
                if resolved.popLast() == nil { leftRoot = true }
                continue
            }
            guard let target = try linkTarget(resolved + [component]) else {
                resolved.append(component)
                continue
            }
            hops += 1
            guard hops <= maxHops else { return nil }
            if target.hasPrefix("/") {
                resolved = []
                leftRoot = true
            }
            pending.append(contentsOf: target.split(separator: "/").map(String.init).reversed())
        }
        return (resolved, leftRoot)
    }
}
