extension SnapshotCapture {
    /// `/proc` files larger than this are left out (/proc/interrupts of a 2048-CPU guest is a few MiB).
    static let procLimit = RootFileReader.defaultLimit

    /// Reads what holds the names to redact before anything is written: the host name, the KVP
    /// pools (redacted here), the DMI serials and the kernel log's syslog prefixes.
    func prepare() throws(ReadFailure) {
        if case .success(let hostname) = machine.attribute(at: SourceCatalog.hostnamePath) {
            redactor.learn(hostname)
        }
        try readKVPPools()
        for name in Redactor.dmiSerials.sorted() {
            if case .success(let value) = machine.attribute(at: DMIInfo.directory + "/" + name) {
                redactor.learn(value)
            }
        }
        kernelLog = machine.kernelLog().map(KernelLogFilter.filter)
        if case .success(let lines) = kernelLog { redactor.learnSyslogHosts(lines) }
    }

    /// The KVP pools the readers declare (`var/lib/hyperv/.kvp_pool_<N>`, reference §11.1),
    /// binary, values redacted. A pool that is a symbolic link is not followed: outside `/sys` no
    /// link is.
    func readKVPPools() throws(ReadFailure) {
        for source in SourceCatalog.all where source.form == .kvpPool {
            for path in try expand(source) {
                guard let bytes = readWithoutLinks(path) else { continue }
                if let pool = redactor.kvpPool(bytes, path: SnapshotCapture.relative(path)) {
                    kvpPools.append((path, pool))
                }
            }
        }
    }

    func writeKVPPools() throws(ReadFailure) {
        for pool in kvpPools { try tree.write(SnapshotCapture.relative(pool.path), pool.bytes) }
    }

    /// `kernel.log`: the filtered lines (`KernelLogFilter`), redacted.
    func writeKernelLog() throws(ReadFailure) {
        switch kernelLog {
        case .success(let lines):
            try tree.write(SnapshotLayout.kernelLog, redactor.kernelLog(lines, path: SnapshotLayout.kernelLog))
        case .failure(.absent):
            remarks.append("no kernel log")
        case .failure(let failure):
            record("/" + SnapshotLayout.kernelLog, failure)
        }
    }
}
