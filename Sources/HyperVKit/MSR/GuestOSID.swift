/// HV_X64_MSR_GUEST_OS_ID (0x40000000) taken apart (reference §2.2, TLFS *Reporting the Guest OS
/// Identity*).
///
/// Open-source encoding: 63 = 1, 62:56 OS type (1 Linux, 2 FreeBSD, 3 Xen, 4 Illumos), 55:48 OS ID,
/// 47:16 the upstream kernel version, 15:0 a build number. Linux writes
/// `HV_LINUX_VENDOR_ID (0x8100) << 48 | LINUX_VERSION_CODE << 16` (`include/asm-generic/mshyperv.h`
/// `hv_generate_guest_id()`), LINUX_VERSION_CODE being (a << 16) + (b << 8) + min(c, 255).
/// Proprietary encoding: 63 = 0, 62:48 vendor, 47:40 OS ID, 39:32 major, 31:24 minor, 23:16 service
/// version, 15:0 build. Zero means no OS has registered: the hypercall page cannot be enabled.
public struct GuestOSID: Sendable, Equatable {
    public var raw: UInt64

    public init(_ raw: UInt64) { self.raw = raw }

    /// `HV_LINUX_VENDOR_ID` (`include/asm-generic/hyperv-tlfs.h`): bits 63:48 of what Linux writes.
    public static let linuxVendorID: UInt64 = 0x8100

    public var isRegistered: Bool { raw != 0 }
    public var isOpenSource: Bool { raw >> 63 == 1 }
    /// Bits 63:48, the 16-bit field the kernel calls "Os Type; Linux is 0x100" (the open-source bit
    /// plus the 7-bit OS type; §2.2 explains the comment).
    public var vendorID: UInt64 { raw >> 48 }
    /// Open source: bits 62:56.
    public var osType: UInt64 { (raw >> 56) & 0x7F }
    /// Open source: bits 55:48; proprietary: bits 47:40.
    public var osID: UInt64 { isOpenSource ? (raw >> 48) & 0xFF : (raw >> 40) & 0xFF }
    /// Open source: bits 47:16.
    public var versionCode: UInt64 { (raw >> 16) & 0xFFFF_FFFF }
    /// Bits 15:0 in both encodings.
    public var buildNumber: UInt64 { raw & 0xFFFF }
    /// Proprietary: bits 62:48.
    public var proprietaryVendor: UInt64 { (raw >> 48) & 0x7FFF }

    /// `major.patchlevel.sublevel` of a Linux LINUX_VERSION_CODE (the sublevel saturates at 255);
    /// nil unless this is the open-source encoding with OS type Linux.
    public var linuxVersion: (major: Int, minor: Int, sublevel: Int)? {
        guard isOpenSource, osType == 1 else { return nil }
        let code = versionCode
        return (Int(code >> 16), Int((code >> 8) & 0xFF), Int(code & 0xFF))
    }

    /// Open-source OS types (§2.2).
    static let openSourceTypes: [UInt64: String] = [1: "linux", 2: "freebsd", 3: "xen", 4: "illumos"]
    /// Proprietary vendors (§2.2).
    static let vendors: [UInt64: String] = [1: "microsoft", 2: "hpe", 3: "blackberry", 0x200: "lancom"]
    /// Microsoft's proprietary OS IDs (§2.2).
    static let microsoftOSes: [UInt64: String] = [
        0: "undefined", 1: "ms-dos", 2: "windows_3x", 3: "windows_9x", 4: "windows_nt", 5: "windows_ce",
    ]

    public func decoded() -> DecodedMSR {
        guard isRegistered else {
            return DecodedMSR(fields: [.init("registered", .bool(false))], summary: "not set (no guest OS registered)")
        }
        return isOpenSource ? openSource() : proprietary()
    }

    private func openSource() -> DecodedMSR {
        let typeName = GuestOSID.openSourceTypes[osType]
        var fields: [DecodedMSR.Field] = [
            .init("registered", .bool(true)), .init("open_source", .bool(true)),
            .init("vendor_id", .hex(vendorID, digits: 4)),
            .init("os_type", typeName.map { .text($0) } ?? .int(osType)), .init("os_id", .int(osID)),
            .init("version_code", .hex(versionCode, digits: 6)), .init("build_number", .int(buildNumber)),
        ]
        var summary = "open source, \(typeName ?? "OS type \(osType)")"
        if let version = linuxVersion {
            let text = "\(version.major).\(version.minor).\(version.sublevel)"
            fields.insert(.init("kernel_version", .text(text)), at: 6)
            summary = "Linux \(text) (vendor \(Hex.format(vendorID, digits: 4)))"
        }
        return DecodedMSR(fields: fields, summary: summary)
    }

    private func proprietary() -> DecodedMSR {
        let vendor = GuestOSID.vendors[proprietaryVendor]
        let os = proprietaryVendor == 1 ? GuestOSID.microsoftOSes[osID] : nil
        let major = (raw >> 32) & 0xFF
        let minor = (raw >> 24) & 0xFF
        let service = (raw >> 16) & 0xFF
        let fields: [DecodedMSR.Field] = [
            .init("registered", .bool(true)), .init("open_source", .bool(false)),
            .init("vendor", vendor.map { .text($0) } ?? .int(proprietaryVendor)),
            .init("os_type", os.map { .text($0) } ?? .int(osID)), .init("os_id", .int(osID)),
            .init("version", .text("\(major).\(minor)")), .init("service_version", .int(service)),
            .init("build_number", .int(buildNumber)),
        ]
        let summary =
            "proprietary, \(vendor ?? "vendor \(proprietaryVendor)") \(os ?? "OS \(osID)") "
            + "\(major).\(minor) build \(buildNumber)"
        return DecodedMSR(fields: fields, summary: summary)
    }
}
