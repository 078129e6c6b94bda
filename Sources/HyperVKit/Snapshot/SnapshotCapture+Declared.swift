extension SnapshotCapture {
    /// Captures every file source the readers declare (`SourceCatalog`): no second list. Each
    /// declaration's `*` components are found by listing the machine's directories; a directory
    /// on the way that exists is kept (even empty: that a module's directory exists says it is
    /// built in), links are kept where they stay in /sys and files are written where the links
    /// lead. A path several declarations name is captured once, with the strongest redaction.
    func captureDeclaredSources() throws(ReadFailure) {
        var order: [String] = []
        var leaves: [String: MachineSource] = [:]
        for source in SourceCatalog.all where SnapshotCapture.capturedForms.contains(source.form) {
            for path in try expand(source) {
                if let earlier = leaves[path] {
                    if SnapshotCapture.strength(source.redaction) > SnapshotCapture.strength(earlier.redaction) {
                        leaves[path] = source
                    }
                } else {
                    leaves[path] = source
                    order.append(path)
                }
            }
        }
        for path in order {
            guard let source = leaves[path] else { continue }
            try captureLeaf(path, source)
        }
    }

    /// The forms captured as machine files here; the kernel config, KVP pools, kernel log and
    /// registers have their own steps, and `redactionOnly` sources are never written.
    static let capturedForms: Set<MachineSource.Form> = [.attribute, .directory, .text]

    static func strength(_ redaction: MachineSource.Redaction) -> Int {
        switch redaction {
        case .none: 0
        case .names: 1
        case .values: 2
        case .whole: 3
        }
    }

    /// The machine paths `source` names on this machine, keeping each directory on the way.
    func expand(_ source: MachineSource) throws(ReadFailure) -> [String] {
        var found: [String] = []
        for components in source.alternatives {
            var frontier = ["/"]
            for component in components {
                var next: [String] = []
                for directory in frontier {
                    if directory != "/" {
                        guard try keepDirectory(directory) else { continue }
                    }
                    let base = directory == "/" ? "" : directory
                    if component.contains("*") {
                        switch machine.directory(at: directory) {
                        case .success(let names):
                            next += names.filter { MachineSource.glob(component, matches: Substring($0)) }.map {
                                base + "/" + $0
                            }
                        case .failure(let failure):
                            record(directory, failure)
                        }
                    } else {
                        next.append(base + "/" + component)
                    }
                }
                frontier = next
            }
            found += frontier
        }
        return found
    }

    /// Keeps the directory `path` (a link to it, within /sys, kept as a link and the directory
    /// made where it leads); false when it is not a directory or its link is not followed.
    func keepDirectory(_ path: String) throws(ReadFailure) -> Bool {
        if let kept = keptDirectories[path] { return kept }
        var kept = false
        if let target = resolver.linkTarget(path) {
            if MachinePathResolver.isWithin(path, SourceCatalog.sysfsRoot) {
                if let resolved = try copyLink(path, target: target, to: storedPath(path)), machine.isDirectory(path) {
                    try tree.makeDirectory(SnapshotCapture.relative(resolved))
                    kept = true
                }
            } else {
                // Outside /sys no link is followed (a KVP directory, /proc).
                record(path, .invalid("symbolic link to \(target): not followed"))
            }
        } else if machine.isDirectory(path) {
            try tree.makeDirectory(SnapshotCapture.relative(storedPath(path)))
            kept = true
        }
        keptDirectories[path] = kept
        return kept
    }

    /// Where the entry read as `path` is written: its directory with every link resolved, so a
    /// device's attributes land in the directory its `/sys/bus/vmbus/devices` link leads to.
    func storedPath(_ path: String) -> String {
        let parent = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        guard !parent.isEmpty, MachinePathResolver.isWithin(parent, SourceCatalog.sysfsRoot) else { return path }
        return (resolver.resolve(parent) ?? parent) + "/" + name
    }

    func captureLeaf(_ path: String, _ source: MachineSource) throws(ReadFailure) {
        switch source.form {
        case .directory:
            _ = try keepDirectory(path)
        case .text:
            try copyText(path)
        default:
            let name = path.split(separator: "/").last.map(String.init) ?? ""
            guard !SnapshotCapture.binaryAttributes.contains(name) else { return }
            if let target = resolver.linkTarget(path) {
                _ = try copyLink(path, target: target, to: storedPath(path))
            } else if !machine.isDirectory(path) {
                try copyAttribute(path, to: storedPath(path), whole: source.redaction == .whole)
            }
        }
    }

    /// A /proc or /var text file, links not followed, at most `procLimit` bytes.
    func copyText(_ path: String) throws(ReadFailure) {
        guard let bytes = readWithoutLinks(path) else { return }
        guard bytes.count <= SnapshotCapture.procLimit else {
            return record(path, .invalid("larger than \(SnapshotCapture.procLimit) bytes"))
        }
        guard SnapshotCapture.isText(bytes) else { return record(path, .invalid(SnapshotCapture.binary)) }
        let key = SnapshotCapture.relative(path)
        try tree.write(key, redactor.text(bytes, path: key))
    }

    /// A file outside /sys, where no link is followed: its bytes, or nil with the reason recorded.
    func readWithoutLinks(_ path: String) -> [UInt8]? {
        if let target = resolver.linkTarget(path) {
            record(path, .invalid("symbolic link to \(target): not followed"))
            return nil
        }
        switch machine.file(at: path) {
        case .success(let bytes): return bytes
        case .failure(let failure):
            record(path, failure)
            return nil
        }
    }
}
