/// Decoders for the guest crash MSRs and the TSC-related controls (reference §2.2, TLFS
/// *HV_CRASH_CTL_REG_CONTENTS*, *Partition Crash Enlightenment*, *Nested Virtualization*).
public enum CrashAndTSCDecoders {
    /// CRASH_P0..P4 (0x40000100-104): five parameters whose meaning depends on the path that wrote
    /// them (`CrashReport` interprets the five together); 0 on a guest that has not crashed.
    public static func crashParameter(_ value: UInt64) -> DecodedMSR {
        DecodedMSR(fields: [.init("value", .hex(value, digits: 16))], summary: MSRFieldDecoders.shortHex(value))
    }

    /// CRASH_CTL (0x40000105): 63 CrashNotify (`HV_CRASH_CTL_CRASH_NOTIFY`), 62 CrashMessage
    /// (`HV_CRASH_CTL_CRASH_NOTIFY_MSG`: P3 = GPA of a message, P4 = its length), 61 NoCrashDump,
    /// 60:58 PreOSId. A read returns the capabilities the host supports.
    public static func crashControl(_ value: UInt64) -> DecodedMSR {
        let notify = value & (1 << 63) != 0
        let message = value & (1 << 62) != 0
        let noDump = value & (1 << 61) != 0
        let preOS = (value >> 58) & 0x7
        var words: [String] = []
        if notify { words.append("crash notify") }
        if message { words.append("crash message") }
        if noDump { words.append("no crash dump") }
        if preOS != 0 { words.append("pre-OS id \(preOS)") }
        return DecodedMSR(
            fields: [
                .init("crash_notify", .bool(notify)), .init("crash_message", .bool(message)),
                .init("no_crash_dump", .bool(noDump)), .init("pre_os_id", .int(preOS)),
            ],
            summary: words.isEmpty ? "nothing supported" : words.joined(separator: ", "))
    }

    /// REENLIGHTENMENT_CONTROL (0x40000106): 7:0 vector (Linux: `HYPERV_REENLIGHTENMENT_VECTOR` =
    /// 0xEE), 16 enabled, 63:32 the target VP index.
    public static func reenlightenmentControl(_ value: UInt64) -> DecodedMSR {
        let vector = value & 0xFF
        let enabled = value & (1 << 16) != 0
        let target = value >> 32
        return DecodedMSR(
            fields: [
                .init("vector", .int(vector)), .init("enabled", .bool(enabled)), .init("target_vp", .int(target)),
            ],
            summary: enabled
                ? "enabled, vector \(SynICDecoders.hexByte(vector)) to VP \(target)" : "disabled")
    }

    /// TSC_EMULATION_CONTROL (0x40000107): bit 0, the host emulates the TSC after a migration until
    /// the (nested) guest has caught up.
    public static func tscEmulationControl(_ value: UInt64) -> DecodedMSR {
        let enabled = value & 1 != 0
        return DecodedMSR(fields: [.init("enabled", .bool(enabled))], summary: enabled ? "enabled" : "disabled")
    }

    /// TSC_EMULATION_STATUS (0x40000108): bit 0, an emulation is in progress.
    public static func tscEmulationStatus(_ value: UInt64) -> DecodedMSR {
        let inProgress = value & 1 != 0
        return DecodedMSR(
            fields: [.init("in_progress", .bool(inProgress))], summary: inProgress ? "in progress" : "idle")
    }

    /// TSC_INVARIANT_CONTROL (0x40000118): bit 0 (`HV_EXPOSE_INVARIANT_TSC`, newer headers) exposes
    /// CPUID 0x80000007 EDX[8], the invariant TSC, to the guest.
    public static func tscInvariantControl(_ value: UInt64) -> DecodedMSR {
        let exposed = value & 1 != 0
        return DecodedMSR(
            fields: [.init("expose_invariant_tsc", .bool(exposed))],
            summary: exposed ? "invariant TSC exposed" : "invariant TSC not exposed")
    }
}
