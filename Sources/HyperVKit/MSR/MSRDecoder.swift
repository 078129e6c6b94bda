/// Decodes any catalogued MSR value by its layout (reference §2.2). Pure: no I/O.
public enum MSRDecoder {
    public static func decode(_ msr: SyntheticMSR, value: UInt64) -> DecodedMSR {
        switch msr.layout {
        case .guestOSID: return GuestOSID(value).decoded()
        case .hypercall: return MSRFieldDecoders.hypercall(value)
        case .vpIndex: return MSRFieldDecoders.vpIndex(value)
        case .time100ns: return MSRFieldDecoders.time100ns(value, uptime: msr.index == 0x4000_0020)
        case .referenceTSC, .enabledPage: return MSRFieldDecoders.enabledPage(value)
        case .frequency: return MSRFieldDecoders.frequency(value)
        case .scontrol: return MSRFieldDecoders.scontrol(value)
        case .sversion: return MSRFieldDecoders.sversion(value)
        case .sint: return SynICDecoders.sint(value)
        case .stimerConfig: return SynICDecoders.stimerConfig(value)
        case .stimerCount: return SynICDecoders.stimerCount(value)
        case .crashParameter: return CrashAndTSCDecoders.crashParameter(value)
        case .crashControl: return CrashAndTSCDecoders.crashControl(value)
        case .reenlightenmentControl: return CrashAndTSCDecoders.reenlightenmentControl(value)
        case .tscEmulationControl: return CrashAndTSCDecoders.tscEmulationControl(value)
        case .tscEmulationStatus: return CrashAndTSCDecoders.tscEmulationStatus(value)
        case .tscInvariantControl: return CrashAndTSCDecoders.tscInvariantControl(value)
        case .raw: return DecodedMSR(fields: [], summary: "")
        }
    }
}
