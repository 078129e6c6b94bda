/// Pure decoders for the single-purpose synthetic MSRs of reference §2.2: page registers, counters,
/// frequencies and the SynIC control words. SINTs and timers are in `SynICDecoders`, crash and
/// TSC-control MSRs in `CrashAndTSCDecoders`.
public enum MSRFieldDecoders {
    /// Bits 63:12 of a page register as the guest physical address of the page (`pfn << 12`).
    static func pageGPA(_ value: UInt64) -> UInt64 { value & ~0xFFF }

    /// HYPERCALL (0x40000001): bit 0 enable, bit 1 locked (TLFS only; Linux folds it into
    /// `reserved`), 63:12 the hypercall page GPFN (TLFS *Establishing the Hypercall Interface*,
    /// `union hv_x64_msr_hypercall_contents`).
    public static func hypercall(_ value: UInt64) -> DecodedMSR {
        let enabled = value & 1 != 0
        let locked = value & 2 != 0
        let gpa = pageGPA(value)
        var summary = enabled ? "enabled, page \(shortHex(gpa))" : "disabled"
        if locked { summary += ", locked" }
        return DecodedMSR(
            fields: [
                .init("enabled", .bool(enabled)), .init("locked", .bool(locked)),
                .init("page_gpa", .hex(gpa, digits: 16)),
            ],
            summary: summary)
    }

    /// REFERENCE_TSC (0x40000021), VP_ASSIST_PAGE (0x40000073), SIEFP (0x40000082), SIMP (0x40000083):
    /// bit 0 enable, 11:1 reserved, 63:12 the page's GPA page number (`union hv_reference_tsc_msr`,
    /// `hv_vp_assist_msr_contents`, `hv_synic_simp`/`siefp`).
    public static func enabledPage(_ value: UInt64) -> DecodedMSR {
        let enabled = value & 1 != 0
        let gpa = pageGPA(value)
        return DecodedMSR(
            fields: [.init("enabled", .bool(enabled)), .init("page_gpa", .hex(gpa, digits: 16))],
            summary: enabled
                ? "enabled, page \(shortHex(gpa))" : (gpa == 0 ? "disabled" : "disabled, page \(shortHex(gpa))"))
    }

    /// VP_INDEX (0x40000002): this virtual processor's index, the namespace VMBus uses (§6.4).
    public static func vpIndex(_ value: UInt64) -> DecodedMSR {
        DecodedMSR(fields: [.init("vp_index", .int(value))], summary: "VP \(value)")
    }

    /// `HV_CLOCK_HZ`: the partition reference time and VP run time count 100 ns units (TLFS
    /// *Partition Reference Counter*, *Virtual Processor Run Time Register*).
    public static let unitsPerSecond: UInt64 = 10_000_000

    /// VP_RUNTIME (0x40000010), TIME_REF_COUNT (0x40000020): a count of 100 ns units, as seconds.
    /// TIME_REF_COUNT counts since the partition was created, so it is the partition's uptime.
    public static func time100ns(_ value: UInt64, uptime: Bool) -> DecodedMSR {
        let seconds = Double(value) / Double(unitsPerSecond)
        let duration = durationText(value / unitsPerSecond)
        return DecodedMSR(
            fields: [.init("units_100ns", .int(value)), .init("seconds", .number(seconds))],
            summary: uptime ? "partition up \(duration)" : "ran \(duration)")
    }

    /// TSC_FREQUENCY (0x40000022), APIC_FREQUENCY (0x40000023): Hz (§2.2).
    public static func frequency(_ value: UInt64) -> DecodedMSR {
        let mhz = Double(value) / 1_000_000
        return DecodedMSR(
            fields: [.init("hz", .int(value)), .init("mhz", .number(mhz))],
            summary: "\(value) Hz (\(fixed(mhz, places: 3)) MHz)")
    }

    /// SCONTROL (0x40000080): bit 0 enables SynIC message and event delivery to this VP (§2.2).
    public static func scontrol(_ value: UInt64) -> DecodedMSR {
        let enabled = value & 1 != 0
        return DecodedMSR(fields: [.init("enabled", .bool(enabled))], summary: enabled ? "enabled" : "disabled")
    }

    /// SVERSION (0x40000081): bits 31:0 the SynIC version (Linux expects `HV_SYNIC_VERSION_1` = 1).
    public static func sversion(_ value: UInt64) -> DecodedMSR {
        let version = value & 0xFFFF_FFFF
        return DecodedMSR(fields: [.init("version", .int(version))], summary: "SynIC version \(version)")
    }

    /// `0x4e01000`: an address without the zero padding, for the text table.
    static func shortHex(_ value: UInt64) -> String { Hex.format(value) }

    /// `3d 4h 5m 6s`, the largest unit first, zero units left out (`0s` for nothing).
    static func durationText(_ totalSeconds: UInt64) -> String {
        let parts: [(UInt64, String)] = [
            (totalSeconds / 86_400, "d"), (totalSeconds / 3_600 % 24, "h"), (totalSeconds / 60 % 60, "m"),
            (totalSeconds % 60, "s"),
        ]
        let text = parts.filter { $0.0 > 0 }.map { "\($0.0)\($0.1)" }.joined(separator: " ")
        return text.isEmpty ? "0s" : text
    }

    /// `value` with exactly `places` decimals, without Foundation.
    static func fixed(_ value: Double, places: Int) -> String {
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = UInt64((value * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        return "\(scaled / scale)." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
