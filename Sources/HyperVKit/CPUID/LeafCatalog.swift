/// Every hypervisor leaf hvctl knows and the layout of its registers (reference §1.2 leaf map).
public enum LeafCatalog {
    /// Every hypervisor leaf hvctl knows, ascending: 0x40000000...0x4000000C, 0x40000080...0x40000082.
    public static let knownLeaves: [UInt32] = Array(0x4000_0000...0x4000_000C) + Array(0x4000_0080...0x4000_0082)

    /// The layout for a leaf on an architecture.
    ///
    /// x86 gets the CPUID layout of every known leaf. arm64 has no CPUID; its synthetic registers
    /// stand in for 0x40000002-0x4000000B (reference §1.13), and hvctl only ever sees the words the
    /// kernel logs. So arm64 gets its own bit maps for 0x40000003 (misc word), 0x40000004 (hints)
    /// and 0x40000006, the architecture-neutral version (0x40000002) and limits (0x40000005) layouts,
    /// and nil elsewhere: the vendor, interface, isolation and virtualization-stack leaves are
    /// x86-only, and the arm64 maps of the others are not documented.
    public static func layout(for leaf: UInt32, architecture: Architecture) -> LeafLayout? {
        switch architecture {
        case .x86_64: return x86Layout(for: leaf)
        case .aarch64: return arm64Layout(for: leaf)
        }
    }

    static func x86Layout(for leaf: UInt32) -> LeafLayout? {
        switch leaf {
        case 0x4000_0000: return IdentityLayouts.vendor
        case 0x4000_0001: return IdentityLayouts.interface
        case 0x4000_0002: return IdentityLayouts.version
        case 0x4000_0003: return FeatureLayout.x86
        case 0x4000_0004: return RecommendationLayout.x86
        case 0x4000_0005: return IdentityLayouts.limits
        case 0x4000_0006: return HardwareFeatureLayout.x86
        case 0x4000_0007: return IdentityLayouts.cpuManagement
        case 0x4000_0008: return IdentityLayouts.svmFeatures
        case 0x4000_0009: return NestedLayouts.nestedHypervisorFeatures
        case 0x4000_000A: return NestedLayouts.nestedVirtualizationFeatures
        case 0x4000_000B: return IdentityLayouts.iptFeatures
        case 0x4000_000C: return IsolationLayout.leaf
        case 0x4000_0080: return IdentityLayouts.stackVendor
        case 0x4000_0081: return IdentityLayouts.stackInterface
        case 0x4000_0082: return IdentityLayouts.stackProperties
        default: return nil
        }
    }

    static func arm64Layout(for leaf: UInt32) -> LeafLayout? {
        switch leaf {
        case 0x4000_0002: return IdentityLayouts.version
        case 0x4000_0003: return Arm64Layouts.features
        case 0x4000_0004: return Arm64Layouts.recommendations
        case 0x4000_0005: return IdentityLayouts.limits
        case 0x4000_0006: return Arm64Layouts.hardware
        default: return nil
        }
    }
}
