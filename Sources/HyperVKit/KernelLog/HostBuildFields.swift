/// The printed fields of a host-build line, mapped by position back to leaf 0x40000002.
///
/// Two orders exist (reference §1.3, §7.3):
///
/// | Line | Order |
/// | --- | --- |
/// | `Hyper-V: Host Build %d.%d.%d.%d-%d-%d` (6.1+) | major . minor . build . service_number - service_pack - service_branch |
/// | `Hyper-V Host Build:%d-%d.%d-%d-%d.%d` (older) | build - major . minor - service_pack - service_branch . service_number |
///
/// Every field is printed with `%d`. What may print negative follows the kernel, not just the
/// format: x86 6.1 holds the registers in `int` variables (`arch/x86/kernel/cpu/mshyperv.c`,
/// `int hv_host_info_eax` …), so `ebx >> 16` and `edx >> 24` are *arithmetic* shifts and print
/// negative when bit 31 is set, as do the whole EAX (build) and ECX (service pack). The masked
/// fields (`ebx & 0xFFFF`, `edx & 0xFFFFFF`) never print negative. (arm64 uses `u32` and never
/// prints a negative value; the reference notes only that the values are signed.) A negative value
/// is read back as the field's two's complement; a value no such field can print is refused.
enum HostBuildFields {
    private enum Field: CaseIterable {
        case major, minor, build, serviceNumber, servicePack, serviceBranch

        var name: String {
            switch self {
            case .major: return "major version"
            case .minor: return "minor version"
            case .build: return "build number"
            case .serviceNumber: return "service number"
            case .servicePack: return "service pack"
            case .serviceBranch: return "service branch"
            }
        }

        /// Width of the field in leaf 0x40000002 and whether `%d` can print it negative.
        var layout: (width: Int, allowsNegative: Bool) {
            switch self {
            case .major: return (16, true)  // EBX >> 16 of an int
            case .minor: return (16, false)  // EBX & 0xFFFF
            case .build: return (32, true)  // EAX
            case .serviceNumber: return (24, false)  // EDX & 0xFFFFFF
            case .servicePack: return (32, true)  // ECX
            case .serviceBranch: return (8, true)  // EDX >> 24 of an int
            }
        }
    }

    private static let modernOrder: [Field] = [.major, .minor, .build, .serviceNumber, .servicePack, .serviceBranch]
    private static let legacyOrder: [Field] = [.build, .major, .minor, .servicePack, .serviceBranch, .serviceNumber]

    /// Reads the six fields of `message`'s line from `fields`, in that line's order.
    static func decode(
        _ message: KernelLogMessage, _ fields: inout CaptureReader
    ) throws(KernelLogRejection) -> HostVersion {
        let order = (message == .hostBuild || message == .hypervisorBuild) ? modernOrder : legacyOrder
        var values: [Field: UInt64] = [:]
        for field in order {
            let layout = field.layout
            values[field] = try fields.field(field.name, width: layout.width, allowsNegative: layout.allowsNegative)
        }
        func value(_ field: Field) -> UInt64 { values[field] ?? 0 }
        return HostVersion(
            build: UInt32(value(.build)), major: UInt16(value(.major)), minor: UInt16(value(.minor)),
            servicePack: UInt32(value(.servicePack)), serviceBranch: UInt8(value(.serviceBranch)),
            serviceNumber: UInt32(value(.serviceNumber)))
    }
}
