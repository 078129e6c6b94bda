import HyperVKit

/// Words for the parts of a `HypervisorSummary`, shared by `info` and `features`.
enum SummaryText {
    static func hypervisor(_ hypervisor: HypervisorSummary.Hypervisor) -> String {
        guard hypervisor.present else { return "none (CPUID.1:ECX[31] is clear: not a virtual machine)" }
        var parts: [String] = []
        if let vendor = hypervisor.vendor ?? hypervisor.vendorEscaped { parts.append("\"\(vendor)\"") }
        if hypervisor.isHyperV, let interface = hypervisor.interface { parts.append("interface \(interface)") }
        if let maxLeaf = hypervisor.maxLeaf { parts.append("max leaf \(hex32(maxLeaf))") }
        return parts.isEmpty ? "present" : parts.joined(separator: ", ")
    }

    static func host(_ host: HypervisorSummary.Host?) -> String {
        guard let host else { return "unknown" }
        let release = host.release ?? "unknown (build \(host.version.build))"
        return "\(host.version.linuxString): \(release)"
    }

    static func role(_ partition: HypervisorSummary.Partition) -> String {
        guard let role = partition.role else { return "unknown" }
        let name = role == .l1vh ? "L1VH (may create partitions, no CPU management)" : role.rawValue
        guard let old = partition.roleLinux61, old != role else { return name }
        return "\(name) (by mainline's rule; Linux 6.1 reads \(old.rawValue): CpuManagement without Isolation is root)"
    }

    static func isolation(_ isolation: HypervisorSummary.Isolation) -> String {
        guard let type = isolation.type else { return "unknown" }
        var text: String
        switch type {
        case .none: return "none"
        case .vbs: text = "VBS (software isolation)"
        case .snp: text = "AMD SEV-SNP"
        case .tdx: text = "Intel TDX"
        case .cca: text = "Arm CCA"
        case .unknown: text = "unknown type"
        }
        if let paravisor = isolation.paravisor { text += paravisor ? ", with a paravisor" : ", no paravisor" }
        if let bits = isolation.sharedGpaBoundaryBits { text += ", shared GPA boundary bit \(bits)" }
        return text
    }

    static func yesNo(_ value: Bool?) -> String {
        value.map { $0 ? "yes" : "no" } ?? "unknown"
    }

    static func limits(_ limits: HypervisorSummary.Limits) -> String {
        if limits.maxVirtualProcessors == nil && limits.maxLogicalProcessors == nil { return "unknown" }
        let vps = limits.maxVirtualProcessors.map(String.init) ?? "-"
        let lps = limits.maxLogicalProcessors.map(String.init) ?? "-"
        return "\(vps) virtual processors, \(lps) logical processors"
    }
}
