extension SnapshotCapture {
    static let kvpDirectory = KVPPool.directory
    /// `/proc` files larger than this are left out (/proc/interrupts of a 2048-CPU guest is a few MiB).
    static let procLimit = RootFileReader.defaultLimit

    /// Reads what holds the names to redact before anything is written: the host name, the KVP
    /// pools (redacted here), the DMI serials and the kernel log's syslog prefixes.
    func prepare() {
        if case .success(let hostname) = machine.attribute(at: "/proc/sys/kernel/hostname") {
            redactor.learn(hostname)
        }
        readKVPPools()
        for name in Redactor.dmiSerials.sorted() {
            if case .success(let value) = machine.attribute(at: DMIInfo.directory + "/" + name) {
                redactor.learn(value)
            }
        }
        kernelLog = machine.kernelLog().map(KernelLogFilter.filter)
        if case .success(let lines) = kernelLog { redactor.learnSyslogHosts(lines) }
    }

    /// `var/lib/hyperv/.kvp_pool_<N>` (reference §11.1), binary, values redacted. A pool that is a
    /// symbolic link is not followed: outside `/sys` no link is.
    func readKVPPools() {
        guard case .success(let names) = machine.directory(at: SnapshotCapture.kvpDirectory) else { return }
        for name in names where name.hasPrefix(".kvp_pool_") && Int(name.dropFirst(10)) != nil {
            let path = SnapshotCapture.kvpDirectory + "/" + name
            if let target = resolver.linkTarget(path) {
                record(path, .invalid("symbolic link to \(target): not followed"))
                continue
            }
            switch machine.file(at: path) {
            case .success(let bytes):
                let key = SnapshotCapture.relative(path)
                if let pool = redactor.kvpPool(bytes, path: key) { kvpPools.append((path, pool)) }
            case .failure(let failure):
                record(path, failure)
            }
        }
    }

    func writeKVPPools() throws(ReadFailure) {
        for pool in kvpPools { try tree.write(SnapshotCapture.relative(pool.path), pool.bytes) }
    }

    /// `proc/interrupts`, `proc/cmdline` and `kernel.dmesg_restrict` (which says why a log could not
    /// be read), text, links not followed.
    func captureProc() throws(ReadFailure) {
        for path in [ProcInterrupts.path, KernelCommandLine.path, KernelLogSource.dmesgRestrictPath] {
            if let target = resolver.linkTarget(path) {
                record(path, .invalid("symbolic link to \(target): not followed"))
                continue
            }
            switch machine.file(at: path) {
            case .success(let bytes):
                guard bytes.count <= SnapshotCapture.procLimit else {
                    record(path, .invalid("larger than \(SnapshotCapture.procLimit) bytes"))
                    continue
                }
                guard SnapshotCapture.isText(bytes) else {
                    record(path, .invalid(SnapshotCapture.binary))
                    continue
                }
                let key = SnapshotCapture.relative(path)
                try tree.write(key, redactor.text(bytes, path: key))
            case .failure(let failure):
                record(path, failure)
            }
        }
    }

    /// `kernel.log`: the filtered lines (`KernelLogFilter`), redacted.
    func writeKernelLog() throws(ReadFailure) {
        switch kernelLog {
        case .success(let lines):
            try tree.write("kernel.log", redactor.kernelLog(lines, path: "kernel.log"))
        case .failure(.absent):
            remarks.append("no kernel log")
        case .failure(let failure):
            record("/kernel.log", failure)
        }
    }
}
