/// Which generation of the feature line a log printed (reference §7.1, §7.3). The generation
/// says which words the line carried: only `.privilegeFlags*` print the high privilege word, only
/// `.privilegeFlagsExt` prints ECX, and the two-field lines print no `misc`.
public enum PrivilegeLineFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// `HyperV: features 0x%x, hints 0x%x` (oldest x86 kernels).
    case hyperVFeaturesOld = "hyperv_features"
    /// `Hyper-V: features 0x%x, hints 0x%x`.
    case features = "features"
    /// `Hyper-V: features 0x%x, hints 0x%x, misc 0x%x` (and the capital-F early arm64 postings).
    case featuresMisc = "features_misc"
    /// `Hyper-V: privilege flags low 0x%x, high 0x%x, hints 0x%x, misc 0x%x` (6.1, arm64).
    case privilegeFlags = "privilege_flags"
    /// `Hyper-V: privilege flags low %#x, high %#x, ext %#x, hints %#x, misc %#x` (6.15+ x86).
    case privilegeFlagsExt = "privilege_flags_ext"
}

/// Which generation of the host-build line a log printed (reference §1.3, §7.3). The two orders
/// differ: the 6.1 form starts with major.minor, the legacy forms start with the build number.
public enum HostBuildLineFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// `Hyper-V: Host Build %d.%d.%d.%d-%d-%d` (6.1 and newer, x86 and arm64).
    case hostBuild = "host_build"
    /// `Hyper-V: Hypervisor Build %d.%d.%d.%d-%d-%d` (proposed 2025 rename, same order).
    case hypervisorBuild = "hypervisor_build"
    /// `Hyper-V Host Build:%d-%d.%d-%d-%d.%d` (x86 `mshyperv.c`, 2017 until the 6.1 format).
    case legacy = "legacy"
    /// `hv_vmbus: Hyper-V Host Build:%d-%d.%d-%d-%d.%d; Vmbus version:%d.%d` (2012-2017 `connection.c`).
    case legacyVMBus = "legacy_vmbus"
    /// `hv_vmbus: Hyper-V Host OS Build:%d-%d.%d-%d-%d.%d` (3.x `drivers/hv/hv.c`).
    case legacyHostOS = "legacy_host_os"
}

/// `hv_vmbus: Invalid VMBus version %d.%d (expected >= %d.%d) from the host supporting isolation`:
/// an isolated VM refused the version the host offered (reference §5.2).
public struct VMBusVersionRejection: Sendable, Hashable, Codable {
    public var offered: VMBusVersion
    public var required: VMBusVersion

    public init(offered: VMBusVersion, required: VMBusVersion) {
        self.offered = offered
        self.required = required
    }
}
