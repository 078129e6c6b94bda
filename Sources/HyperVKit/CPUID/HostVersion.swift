/// The hypervisor (host) version of leaf 0x40000002 (reference §1.3; TLFS *Hypervisor System
/// Identity*; `union hv_hypervisor_version_info` in `include/hyperv/hvgdk_mini.h`).
///
/// EAX = build; EBX[31:16] = major, EBX[15:0] = minor; ECX = service pack;
/// EDX[31:24] = service branch, EDX[23:0] = service number.
public struct HostVersion: Sendable, Hashable, Codable {
    public var build: UInt32
    public var major: UInt16
    public var minor: UInt16
    public var servicePack: UInt32
    public var serviceBranch: UInt8
    public var serviceNumber: UInt32

    public init(
        build: UInt32, major: UInt16, minor: UInt16, servicePack: UInt32, serviceBranch: UInt8, serviceNumber: UInt32
    ) {
        self.build = build
        self.major = major
        self.minor = minor
        self.servicePack = servicePack
        self.serviceBranch = serviceBranch
        self.serviceNumber = serviceNumber
    }

    /// Decodes leaf 0x40000002.
    public init(eax: UInt32, ebx: UInt32, ecx: UInt32, edx: UInt32) {
        self.init(
            build: eax, major: UInt16(ebx >> 16), minor: UInt16(ebx & 0xFFFF), servicePack: ecx,
            serviceBranch: UInt8(edx >> 24), serviceNumber: edx & 0xFF_FFFF)
    }

    /// The registers this version decodes from, so a version parsed from the kernel log fills
    /// leaf 0x40000002 exactly as CPUID would.
    public var registers: RegisterSet {
        RegisterSet(
            eax: build, ebx: UInt32(major) << 16 | UInt32(minor), ecx: servicePack,
            edx: UInt32(serviceBranch) << 24 | (serviceNumber & 0xFF_FFFF))
    }

    /// As Linux prints it: `major.minor.build.service_number-service_pack-service_branch`
    /// (`"Hyper-V: Host Build %d.%d.%d.%d-%d-%d"`, reference §1.3).
    public var linuxString: String {
        "\(major).\(minor).\(build).\(serviceNumber)-\(servicePack)-\(serviceBranch)"
    }

    enum CodingKeys: String, CodingKey {
        case build, major, minor
        case servicePack = "service_pack"
        case serviceBranch = "service_branch"
        case serviceNumber = "service_number"
    }
}
