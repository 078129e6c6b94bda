/// Where a Hyper-V guest runs: Azure, WSL2 or an on-premises Hyper-V host, each with the evidence
/// the conclusion rests on (reference §11.2).
public struct HostEnvironment: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case azure
        case wsl2
        case onPremises = "on_premises"
        /// Hyper-V, but the evidence that would tell Azure from on-premises could not be read.
        case hyperVUnknown = "hyperv_unknown"
        /// Not a Hyper-V guest.
        case notHyperV = "not_hyperv"
    }

    public var kind: Kind
    public var reason: String

    /// Azure's documented DMI chassis asset tag (cloud-init's Azure detection uses it).
    public static let azureAssetTag = "7783-7084-3265-9085-8269-3286-77"

    public init(kind: Kind, reason: String) {
        self.kind = kind
        self.reason = reason
    }

    /// WSL2 from the kernel release, Azure from the chassis asset tag, otherwise on-premises.
    public static func detect(isHyperV: Bool, kernelRelease: String?, dmi: DMIInfo) -> HostEnvironment {
        guard isHyperV else { return HostEnvironment(kind: .notHyperV, reason: "the hypervisor is not Hyper-V") }
        if let release = kernelRelease, isWSL2Kernel(release) {
            return HostEnvironment(kind: .wsl2, reason: "kernel release \(release) is a WSL2 kernel")
        }
        if dmi.chassisAssetTag == azureAssetTag {
            return HostEnvironment(kind: .azure, reason: "DMI chassis asset tag is Azure's (\(azureAssetTag))")
        }
        if !dmi.available {
            return HostEnvironment(
                kind: .hyperVUnknown, reason: "no DMI data (/sys/class/dmi/id) to tell Azure from on-premises")
        }
        if dmi.unreadable.contains("chassis_asset_tag") {
            return HostEnvironment(kind: .hyperVUnknown, reason: "DMI chassis_asset_tag is unreadable (run as root)")
        }
        if let tag = dmi.chassisAssetTag {
            return HostEnvironment(kind: .onPremises, reason: "DMI chassis asset tag \(tag) is not Azure's")
        }
        return HostEnvironment(kind: .onPremises, reason: "no Azure chassis asset tag and not a WSL2 kernel")
    }

    /// `…-microsoft-standard-WSL2` (current) or `…-microsoft-standard` (early WSL2 kernels).
    public static func isWSL2Kernel(_ release: String) -> Bool {
        release.hasSuffix("-microsoft-standard-WSL2") || release.contains("-microsoft-standard-WSL2+")
            || release.hasSuffix("-microsoft-standard")
    }

    /// Words for text output.
    public var title: String {
        switch kind {
        case .azure: return "Azure"
        case .wsl2: return "WSL2"
        case .onPremises: return "on-premises Hyper-V"
        case .hyperVUnknown: return "Hyper-V (Azure or on-premises: unknown)"
        case .notHyperV: return "not Hyper-V"
        }
    }
}
