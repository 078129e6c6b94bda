/// Decoders for the SynIC interrupt sources and the synthetic timers (reference §2.2, TLFS *SynIC
/// Registers* and *Synthetic Timer Registers*; `include/asm-generic/hyperv-tlfs.h` unions
/// `hv_synic_sint` and `hv_stimer_config`).
public enum SynICDecoders {
    /// SINTn (0x40000090 + n): 7:0 vector, 16 masked, 17 auto-EOI, 18 polling; 19 `as_intercept` and
    /// 20 `proxy` exist only in newer Linux headers (the TLFS calls 63:19 reserved). The reset value is
    /// 0x10000: masked.
    public static func sint(_ value: UInt64) -> DecodedMSR {
        let vector = value & 0xFF
        let masked = value & (1 << 16) != 0
        let autoEOI = value & (1 << 17) != 0
        let polling = value & (1 << 18) != 0
        let asIntercept = value & (1 << 19) != 0
        let proxy = value & (1 << 20) != 0
        var words = [masked ? "masked" : "unmasked"]
        if !masked || vector != 0 { words.insert("vector \(hexByte(vector))", at: 0) }
        if autoEOI { words.append("auto-EOI") }
        if polling { words.append("polling") }
        if asIntercept { words.append("as intercept") }
        if proxy { words.append("proxied") }
        return DecodedMSR(
            fields: [
                .init("vector", .int(vector)), .init("masked", .bool(masked)), .init("auto_eoi", .bool(autoEOI)),
                .init("polling", .bool(polling)), .init("as_intercept", .bool(asIntercept)),
                .init("proxy", .bool(proxy)),
            ],
            summary: words.joined(separator: ", "))
    }

    /// STIMERn_CONFIG (0x400000B0 + 2n): 0 enable, 1 periodic, 2 lazy, 3 auto-enable, 11:4 APIC vector
    /// (direct mode), 12 direct mode, 19:16 SINTx (message mode).
    public static func stimerConfig(_ value: UInt64) -> DecodedMSR {
        let enabled = value & 1 != 0
        let periodic = value & 2 != 0
        let lazy = value & 4 != 0
        let autoEnable = value & 8 != 0
        let vector = (value >> 4) & 0xFF
        let direct = value & (1 << 12) != 0
        let sintx = (value >> 16) & 0xF
        var words: [String] = []
        if value == 0 {
            words = ["unused"]
        } else {
            words.append(enabled ? "enabled" : "disabled")
            words.append(periodic ? "periodic" : "one-shot")
            if lazy { words.append("lazy") }
            if autoEnable { words.append("auto-enable") }
            words.append(direct ? "direct, vector \(hexByte(vector))" : "message to SINT\(sintx)")
        }
        return DecodedMSR(
            fields: [
                .init("enabled", .bool(enabled)), .init("periodic", .bool(periodic)), .init("lazy", .bool(lazy)),
                .init("auto_enable", .bool(autoEnable)), .init("apic_vector", .int(vector)),
                .init("direct_mode", .bool(direct)), .init("sintx", .int(sintx)),
            ],
            summary: words.joined(separator: ", "))
    }

    /// STIMERn_COUNT (0x400000B1 + 2n): 100 ns units; a one-shot timer's absolute expiry in partition
    /// reference time, a periodic timer's period; 0 = stopped.
    public static func stimerCount(_ value: UInt64) -> DecodedMSR {
        let seconds = Double(value) / Double(MSRFieldDecoders.unitsPerSecond)
        let summary =
            value == 0
            ? "stopped" : "\(MSRFieldDecoders.fixed(seconds, places: 3)) s of reference time"
        return DecodedMSR(
            fields: [.init("units_100ns", .int(value)), .init("seconds", .number(seconds))], summary: summary)
    }

    /// `0xf3`
    static func hexByte(_ value: UInt64) -> String { Hex.format(value, digits: 2) }
}
