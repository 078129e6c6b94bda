extension SnapshotCapture {
    /// Write-only driver-core attributes (`drivers/base/bus.c`: `bind`, `unbind`, `drivers_probe`,
    /// `uevent` of a bus or driver; `drivers/hv/vmbus_drv.c`: `new_id`, `remove_id`): sysfs refuses
    /// to open them for reading, even for root, so they are kept empty as presence markers, as the
    /// fixtures keep them (Tests/Fixtures/README.md).
    static let writeOnly: Set<String> = ["bind", "unbind", "new_id", "remove_id", "uevent", "drivers_probe"]
    /// Binary attributes never read: a channel's `ring` is the ring buffer itself, for mmap.
    static let binaryAttributes: Set<String> = ["ring"]

    // MARK: - Copying

    /// Copies one attribute (text only, at most `attributeLimit` bytes); a link is handed to
    /// `copyLink`; a directory is not copied. Manifest entries name `path`, the path hvctl reads.
    func copyAttribute(_ path: String, to out: String? = nil, whole: Bool = false) throws(ReadFailure) {
        let out = out ?? path
        if let target = resolver.linkTarget(path) {
            _ = try copyLink(path, target: target, to: out)
            return
        }
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        switch machine.attributeBytes(at: path) {
        case .success(let bytes):
            guard bytes.count <= SnapshotCapture.attributeLimit else {
                return record(path, .invalid("larger than \(SnapshotCapture.attributeLimit) bytes"))
            }
            guard SnapshotCapture.isText(bytes) else { return record(path, .invalid(SnapshotCapture.binary)) }
            let key = SnapshotCapture.relative(path)
            let content = whole ? redactor.wholeValue(bytes, path: key) : redactor.text(bytes, path: key)
            try tree.write(SnapshotCapture.relative(out), content)
        case .failure(.unreadable(let code))
        where SnapshotCapture.writeOnly.contains(name) && [Errno.EACCES, .EPERM, .EIO].contains(code):
            try tree.write(SnapshotCapture.relative(out), [])
        case .failure(.unreadable(.EISDIR)):
            return
        case .failure(let failure):
            record(path, failure)
        }
    }

    /// Keeps the link at `path` (written at `out`) when it resolves inside `/sys`, stored relative;
    /// otherwise lists it under `skipped`. Returns where it leads when kept.
    func copyLink(_ path: String, target: String, to out: String) throws(ReadFailure) -> String? {
        guard let resolved = resolver.resolve(path) else {
            record(path, .invalid("symbolic link loop"))
            return nil
        }
        guard MachinePathResolver.isWithin(resolved, SourceCatalog.sysfsRoot) else {
            record(path, .invalid("link to \(target) leaves /sys: not followed"))
            return nil
        }
        guard let stored = MachinePathResolver.relativeTarget(target, linkPath: SnapshotCapture.relative(out)) else {
            record(path, .invalid("link to \(target) leaves the snapshot: not followed"))
            return nil
        }
        try tree.symlink(SnapshotCapture.relative(out), target: stored)
        return resolved
    }
}
