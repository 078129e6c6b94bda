extension SnapshotCapture {
    /// Write-only driver-core attributes (`drivers/base/bus.c`: `bind`, `unbind`, `drivers_probe`,
    /// `uevent` of a bus or driver; `drivers/hv/vmbus_drv.c`: `new_id`, `remove_id`): sysfs refuses
    /// to open them for reading, even for root, so they are kept empty as presence markers, as the
    /// fixtures keep them (Tests/Fixtures/README.md).
    static let writeOnly: Set<String> = ["bind", "unbind", "new_id", "remove_id", "uevent", "drivers_probe"]
    /// Binary attributes never read: a channel's `ring` is the ring buffer itself, for mmap.
    static let binaryAttributes: Set<String> = ["ring"]

    /// The sysfs subset of snapshot-format.md and its additions in this repository.
    func captureSysfs() throws(ReadFailure) {
        try captureVMBus()
        try captureCPUTopology()
        for name in ["current_clocksource", "available_clocksource"] {
            try copyAttribute("/sys/devices/system/clocksource/clocksource0/" + name)
        }
        if machine.isDirectory("/sys/module/hv_vmbus/parameters") {
            try copyDirectory("/sys/module/hv_vmbus/parameters")
        }
        if machine.isDirectory("/sys/hypervisor") {
            try copyDirectory("/sys/hypervisor", whole: ["uuid"]) { $0.count <= 2 }
        }
        try captureDMI()
        try captureFirmware()
        try captureNodes()
    }

    /// `sys/bus/vmbus/` (the `devices/` links, `drivers/`, bus attributes) and the device
    /// directories the links lead to, with their `channels/<relid>/` directories.
    func captureVMBus() throws(ReadFailure) {
        let bus = "/sys/bus/vmbus"
        guard machine.isDirectory(bus) else { return }
        try copyDirectory(bus) { relative in
            relative == ["devices"] || relative == ["drivers"] || (relative.count == 2 && relative[0] == "drivers")
        }
        guard case .success(let names) = machine.directory(at: bus + "/devices") else { return }
        for name in names {
            let path = bus + "/devices/" + name
            let resolved = resolver.linkTarget(path) == nil ? path : resolver.resolve(path)
            guard let resolved, MachinePathResolver.isWithin(resolved, "/sys"),
                copiedDirectories.insert(resolved).inserted, machine.isDirectory(path)
            else { continue }
            // Read through the link, as every command does (and as a snapshot's `unreadable`
            // names the files); write where the link leads.
            try copyDirectory(path, to: resolved) { relative in relative.count <= 2 && relative[0] == "channels" }
        }
    }

    /// `sys/devices/system/cpu/{possible,present,online,offline,isolated,nohz_full}` and every
    /// `cpu<N>/online`.
    func captureCPUTopology() throws(ReadFailure) {
        let directory = CPUTopology.directory
        for name in ["possible", "present", "online", "offline", "isolated", "nohz_full"] {
            try copyAttribute(directory + "/" + name)
        }
        guard case .success(let names) = machine.directory(at: directory) else { return }
        for name in names where name.hasPrefix("cpu") && Int(name.dropFirst(3)) != nil {
            try copyAttribute(directory + "/" + name + "/online")
        }
    }

    /// `sys/class/dmi/id`, the link and the directory it leads to; serials redacted whole.
    func captureDMI() throws(ReadFailure) {
        let path = DMIInfo.directory
        guard let target = resolver.linkTarget(path) else {
            if machine.isDirectory(path) { try copyDirectory(path, whole: Redactor.dmiSerials) }
            return
        }
        guard let resolved = try copyLink(path, target: target, to: path), machine.isDirectory(path),
            copiedDirectories.insert(resolved).inserted
        else { return }
        try copyDirectory(path, to: resolved, whole: Redactor.dmiSerials)
    }

    /// `sys/firmware/` (kept even when empty: it tells a BIOS machine from a capture without it,
    /// `VMGeneration`) and `sys/firmware/efi/fw_platform_size` on UEFI machines.
    func captureFirmware() throws(ReadFailure) {
        guard machine.isDirectory("/sys/firmware") else { return }
        try tree.makeDirectory("sys/firmware")
        guard machine.isDirectory("/sys/firmware/efi") else { return }
        try tree.makeDirectory("sys/firmware/efi")
        try copyAttribute("/sys/firmware/efi/fw_platform_size")
    }

    /// `sys/devices/system/node/node<N>/cpulist`.
    func captureNodes() throws(ReadFailure) {
        let directory = "/sys/devices/system/node"
        guard case .success(let names) = machine.directory(at: directory) else { return }
        for name in names where name.hasPrefix("node") && Int(name.dropFirst(4)) != nil {
            try copyAttribute(directory + "/" + name + "/cpulist")
        }
    }

    // MARK: - Copying

    /// Copies the directory `path` to `out` (where a link to it leads): its attributes, its links
    /// (`copyLink`) and the subdirectories `descend` accepts, named by their components below `path`.
    func copyDirectory(
        _ path: String, to out: String? = nil, relative: [String] = [], whole: Set<String> = [],
        descend: ([String]) -> Bool = { _ in false }
    ) throws(ReadFailure) {
        let out = out ?? path
        let names: [String]
        switch machine.directory(at: path) {
        case .success(let list): names = list
        case .failure(let failure):
            record(path, failure)
            return
        }
        try tree.makeDirectory(SnapshotCapture.relative(out))
        for name in names where !SnapshotCapture.binaryAttributes.contains(name) {
            let child = path + "/" + name
            let childOut = out + "/" + name
            if let target = resolver.linkTarget(child) {
                _ = try copyLink(child, target: target, to: childOut)
            } else if descend(relative + [name]), machine.isDirectory(child) {
                try copyDirectory(child, to: childOut, relative: relative + [name], whole: whole, descend: descend)
            } else {
                try copyAttribute(child, to: childOut, whole: whole.contains(name))
            }
        }
    }

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
        guard MachinePathResolver.isWithin(resolved, "/sys") else {
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
