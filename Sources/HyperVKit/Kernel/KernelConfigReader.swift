/// Where the running kernel's config was found, and what it says.
public struct KernelConfigReading: Sendable, Equatable {
    /// `/proc/config.gz` or `/boot/config-<release>`; nil when neither could be used.
    public var source: String?
    /// The paths looked at, in order.
    public var tried: [String]
    public var config: KernelConfig?
    public var diagnostics: [Diagnostic]

    public init(
        source: String? = nil, tried: [String] = [], config: KernelConfig? = nil, diagnostics: [Diagnostic] = []
    ) {
        self.source = source
        self.tried = tried
        self.config = config
        self.diagnostics = diagnostics
    }
}

/// Reads the kernel config: `/proc/config.gz` first (the running kernel's own, present with
/// CONFIG_IKCONFIG_PROC), else `/boot/config-<release>` (what distributions install beside the
/// image; it describes the running kernel only if the release matches, which the path ensures).
/// A snapshot keeps whichever it found at the same path, holding only the lines that concern
/// Hyper-V (docs/snapshot-format.md).
public enum KernelConfigReader {
    public static let procConfig = "/proc/config.gz"

    public static func bootConfig(release: String) -> String { "/boot/config-" + release }

    public static func read(_ machine: any Machine) -> KernelConfigReading {
        var reading = KernelConfigReading()
        var candidates = [procConfig]
        if let release = machine.kernelRelease, !release.isEmpty, !release.contains("/") {
            candidates.append(bootConfig(release: release))
        }
        for path in candidates {
            reading.tried.append(path)
            let bytes = machine.file(at: path).flatMap { path == procConfig ? Gunzip.decompress($0) : .success($0) }
            switch bytes.flatMap(text) {
            case .success(let text):
                reading.source = path
                reading.config = KernelConfig.parse(text)
                return reading
            case .failure(.absent):
                continue
            case .failure(let failure):
                reading.diagnostics.append(.read(path, failure))
            }
        }
        return reading
    }

    private static func text(_ bytes: [UInt8]) -> Result<String, ReadFailure> {
        guard !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(.invalid("not a text kernel config"))
        }
        return .success(text)
    }
}

extension KernelConfigReader {
    public static let sources: [MachineSource] = [
        MachineSource(
            procConfig, .kernelConfig, optional: true, redaction: .none, reader: "KernelConfigReader",
            why: "the running kernel's config (CONFIG_IKCONFIG_PROC): which Hyper-V options are built"),
        MachineSource(
            bootConfig(release: "*"), .kernelConfig, optional: true, redaction: .none, reader: "KernelConfigReader",
            why: "the config of the running release, when /proc/config.gz is not there"),
    ]
}
