/// Where a features report's registers came from.
public enum FeatureSource: String, Sendable, Codable {
    case cpuid
    case kernelLog = "kernel_log"
}

/// `--source auto|cpuid|kernel-log`.
public enum FeatureSourceRequest: String, Sendable, CaseIterable {
    case auto
    case cpuid
    case kernelLog = "kernel-log"
}

/// `hvctl features --json` (docs/json-schema.md, schema_version 1): the summary of the hypervisor
/// leaves, then every leaf decoded, then the diagnostics.
public struct FeaturesReport: Sendable, Encodable {
    public static let schemaVersion = 1

    public var source: FeatureSource
    public var architecture: Architecture
    public var summary: HypervisorSummary
    public var leaves: [DecodedLeaf]
    public var diagnostics: [Diagnostic]

    public init(
        source: FeatureSource, architecture: Architecture, summary: HypervisorSummary, leaves: [DecodedLeaf],
        diagnostics: [Diagnostic]
    ) {
        self.source = source
        self.architecture = architecture
        self.summary = summary
        self.leaves = leaves
        self.diagnostics = diagnostics
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case source, architecture, leaves, diagnostics
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(FeaturesReport.schemaVersion, forKey: .schemaVersion)
        try container.encode(source, forKey: .source)
        try container.encode(architecture, forKey: .architecture)
        try summary.encode(to: encoder)
        try container.encode(leaves, forKey: .leaves)
        try container.encode(diagnostics, forKey: .diagnostics)
    }

    /// The decoded flag with this name (TLFS name or Linux macro, any case), with its leaf and register.
    public func flag(named name: String) -> (leaf: DecodedLeaf, register: Register, flag: DecodedFlag)? {
        let wanted = name.lowercased()
        for leaf in leaves {
            let layout = LeafCatalog.layout(for: leaf.leaf, architecture: architecture)
            for register in Register.allCases {
                guard let registerLayout = layout?.registers[register] else { continue }
                for definition in registerLayout.flags
                where definition.name.lowercased() == wanted || definition.linuxMacro?.lowercased() == wanted {
                    let decoded = leaf.register(register)?.flags.first { $0.bit == definition.bit }
                    return (
                        leaf, register, decoded ?? DecodedFlag(bit: definition.bit, name: definition.name, set: false)
                    )
                }
            }
        }
        return nil
    }
}
