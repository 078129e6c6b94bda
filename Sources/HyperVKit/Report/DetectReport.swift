/// `hvctl detect`: the one-word answer of `systemd-detect-virt`, for scripts: is this a Hyper-V
/// guest? The identity is `hvctl info`'s, concluded from every source (issue 13), without the rest
/// of info's reading (KVP, the VMBus version, the kernel's support).
public struct DetectReport: Sendable, Encodable {
    public static let schemaVersion = 1

    public var identity: HypervisorIdentity
    public var environment: HostEnvironment
    public var diagnostics: [Diagnostic]

    /// `hyperv`, `wsl` for WSL2 (systemd-detect-virt's word for it), the other hypervisor's id
    /// (`kvm`, `xen`, …), `other` for an unknown signature, `none` on bare metal, `unknown` when the
    /// machine holds nothing that tells.
    public var word: String {
        if identity.isGenuineHyperV { return environment.kind == .wsl2 ? "wsl" : "hyperv" }
        if identity.isUnknown { return "unknown" }
        if let kind = identity.kind { return kind.rawValue }
        return identity.name == "none" ? "none" : "other"
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case hypervisor
        case isHyperV = "is_hyperv"
        case environment, name, confidence, sources, diagnostics
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaVersion, forKey: .schemaVersion)
        try container.encode(word, forKey: .hypervisor)
        // Unknown is never yes, nor no: null.
        try container.encode(identity.isUnknown ? nil : identity.isGenuineHyperV, forKey: .isHyperV)
        try container.encode(environment.kind.rawValue, forKey: .environment)
        try container.encode(identity.name, forKey: .name)
        try container.encode(identity.confidence, forKey: .confidence)
        try container.encode(identity.sources, forKey: .sources)
        try container.encode(diagnostics, forKey: .diagnostics)
    }
}

public enum DetectReportBuilder {
    public static func build(_ machine: any Machine) -> DetectReport {
        var diagnostics: [Diagnostic] = []
        var log = KernelLogReading(machine)
        let features = FeaturesReportBuilder.build(machine, source: .auto, log: &log)
        diagnostics += InfoReportBuilder.featuresDiagnostics(features)
        let (dmi, dmiDiagnostics) = DMIInfo.read(from: machine)
        let (clock, clockDiagnostics) = ClockSource.read(from: machine)
        diagnostics += dmiDiagnostics + clockDiagnostics
        let identity = InfoReportBuilder.identify(machine, features: features, log: &log, dmi: dmi, clock: clock)
        let environment = HostEnvironment.detect(
            isHyperV: identity.isGenuineHyperV, kernelRelease: machine.kernelRelease, dmi: dmi)
        return DetectReport(identity: identity, environment: environment, diagnostics: diagnostics)
    }
}
