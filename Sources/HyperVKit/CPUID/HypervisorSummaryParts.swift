extension HypervisorSummary {
    /// `hypervisor` of docs/json-schema.md: what leaves 0x40000000-0x40000001 say.
    public struct Hypervisor: Sendable, Codable, Equatable {
        /// CPUID.1:ECX[31], or, for a kernel-log source, whether the kernel logged Hyper-V lines.
        public var present: Bool
        /// The vendor signature ("Microsoft Hv", "KVMKVMKVM" without its NUL padding); nil when not
        /// read or not printable ASCII (`SignatureText.printable`).
        public var vendor: String?
        /// All 12 bytes with non-printable ones escaped (`KVMKVMKVM\0\0\0`), for messages about
        /// a signature that is not printable; not in JSON (the raw registers are, in `features`).
        public var vendorEscaped: String?
        /// The interface signature of 0x40000001 EAX ("Hv#1"); nil when not read or not printable
        /// (KVM puts feature bits there).
        public var interface: String?
        /// Hyper-V by the rules of reference §1.1.
        public var isHyperV: Bool
        /// 0x40000000 EAX; nil when not read.
        public var maxLeaf: UInt32?

        public init(present: Bool, vendor: String?, interface: String?, isHyperV: Bool, maxLeaf: UInt32?) {
            self.present = present
            self.vendor = vendor
            self.vendorEscaped = vendor
            self.interface = interface
            self.isHyperV = isHyperV
            self.maxLeaf = maxLeaf
        }

        enum CodingKeys: String, CodingKey {
            case present, vendor, interface
            case isHyperV = "is_hyperv"
            case maxLeaf = "max_leaf"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(present, forKey: .present)
            try container.encode(vendor, forKey: .vendor)
            try container.encode(interface, forKey: .interface)
            try container.encode(isHyperV, forKey: .isHyperV)
            try container.encode(maxLeaf.map { Hex.format($0, digits: 8) }, forKey: .maxLeaf)
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            present = try container.decode(Bool.self, forKey: .present)
            vendor = try container.decodeIfPresent(String.self, forKey: .vendor)
            vendorEscaped = vendor
            interface = try container.decodeIfPresent(String.self, forKey: .interface)
            isHyperV = try container.decode(Bool.self, forKey: .isHyperV)
            maxLeaf = try container.decodeIfPresent(String.self, forKey: .maxLeaf).flatMap(Hex.parse32)
        }
    }

    /// `host` of docs/json-schema.md: the version of leaf 0x40000002 and its release name (§8).
    public struct Host: Sendable, Codable, Equatable {
        public var version: HostVersion
        /// nil for a build reference §8 does not list.
        public var release: String?

        public init(version: HostVersion) {
            self.version = version
            self.release = WindowsRelease.name(forBuild: version.build)
        }

        enum CodingKeys: String, CodingKey {
            case release
        }

        /// The HostVersion keys (build, major, minor, service_pack, service_branch, service_number),
        /// then release, in one object.
        public func encode(to encoder: any Encoder) throws {
            try version.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(release, forKey: .release)
        }

        public init(from decoder: any Decoder) throws {
            version = try HostVersion(from: decoder)
            release = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .release)
        }
    }

    /// The partition's role (reference §1.4.2; mainline `drivers/hv/hv_common.c`
    /// `hv_identify_partition_type()`): `l1vh` is a guest that may create partitions of its own.
    public enum Role: String, Sendable, Codable {
        case child, root
        case l1vh
    }

    /// `partition` of docs/json-schema.md.
    public struct Partition: Sendable, Codable, Equatable {
        /// By mainline's rule; nil when leaf 0x40000003 EBX is unknown.
        public var role: Role?
        /// By Linux 6.1's rule (`ms_hyperv_init_platform()`: CpuManagement without Isolation is
        /// root), which a 6.1 log's "running as root partition" line follows; nil when unknown.
        public var roleLinux61: Role?

        public init(role: Role?, roleLinux61: Role? = nil) {
            self.role = role
            self.roleLinux61 = roleLinux61
        }

        enum CodingKeys: String, CodingKey {
            case role
            case roleLinux61 = "role_linux_6_1"
        }
    }

    /// Isolation types of leaf 0x4000000C EBX[3:0] (reference §1.11); any other value is `unknown`.
    /// 4 is Arm CCA, as openvmm's `HvPartitionIsolationType::CCA` names it (Linux has no name).
    public enum IsolationType: String, Sendable, Codable {
        case none, vbs, snp, tdx, cca, unknown

        public init(value: UInt32) {
            switch value {
            case 0: self = .none
            case 1: self = .vbs
            case 2: self = .snp
            case 3: self = .tdx
            case 4: self = .cca
            default: self = .unknown
            }
        }
    }

    /// `isolation` of docs/json-schema.md.
    public struct Isolation: Sendable, Codable, Equatable {
        /// nil when the registers that decide it are unknown.
        public var type: IsolationType?
        public var paravisor: Bool?
        public var sharedGpaBoundaryBits: Int?

        public init(type: IsolationType?, paravisor: Bool?, sharedGpaBoundaryBits: Int?) {
            self.type = type
            self.paravisor = paravisor
            self.sharedGpaBoundaryBits = sharedGpaBoundaryBits
        }

        enum CodingKeys: String, CodingKey {
            case type, paravisor
            case sharedGpaBoundaryBits = "shared_gpa_boundary_bits"
        }
    }

    /// `limits` of docs/json-schema.md (leaf 0x40000005; zero means not exposed, so it is nil).
    public struct Limits: Sendable, Codable, Equatable {
        public var maxVirtualProcessors: Int?
        public var maxLogicalProcessors: Int?

        public init(maxVirtualProcessors: Int?, maxLogicalProcessors: Int?) {
            self.maxVirtualProcessors = maxVirtualProcessors
            self.maxLogicalProcessors = maxLogicalProcessors
        }

        enum CodingKeys: String, CodingKey {
            case maxVirtualProcessors = "max_virtual_processors"
            case maxLogicalProcessors = "max_logical_processors"
        }
    }
}
