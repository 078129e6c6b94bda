extension SnapshotCapture {
    /// The first config that reads, as `KernelConfigReader` takes it, filtered to the Hyper-V lines.
    func captureKernelConfig() throws(ReadFailure) {
        var candidates = [KernelConfigReader.procConfig]
        if let release = machine.kernelRelease, !release.isEmpty, !release.contains("/") {
            candidates.append(KernelConfigReader.bootConfig(release: release))
        }
        let names = Set(HyperVKernelOptionCatalog.all.map(\.name))
        for path in candidates {
            let compressed = path == KernelConfigReader.procConfig
            switch machine.file(at: path).flatMap({ compressed ? Gunzip.decompress($0) : .success($0) }) {
            case .success(let bytes):
                let kept = SnapshotCapture.configLines(String(decoding: bytes, as: UTF8.self), options: names)
                let text = Array(kept.utf8)
                let content = compressed ? try Gzip.compress(text).get() : text
                _ = try tree.write(SnapshotCapture.relative(path), content)
                remarks.append("\(path) kept only the lines of the Hyper-V options")
                return
            case .failure(.absent):
                continue
            case .failure(let failure):
                record(path, failure)
            }
        }
    }

    /// The first line of a filtered config, as the fixtures and docs/snapshot-format.md write it.
    static let configHeader = "# hvctl snapshot: only the lines of the Hyper-V options hvctl reports"

    /// The lines that set or unset one of `options` (`CONFIG_X=y`, `# CONFIG_X is not set`), after
    /// the header that says the file was filtered.
    static func configLines(_ text: String, options: Set<String>) -> String {
        var kept = configHeader + "\n"
        for line in text.split(separator: "\n") {
            var name = Substring(line)
            if name.hasPrefix("# ") { name = name.dropFirst(2) }
            let end = name.firstIndex { $0 == "=" || $0 == " " } ?? name.endIndex
            if options.contains(String(name[..<end])) { kept += line + "\n" }
        }
        return kept
    }
}
