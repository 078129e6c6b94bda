/// What the five crash parameters say when read together (reference §2.2, "What Linux writes at
/// panic"), so a non-zero CRASH_P0-P4 after a crash or in a kdump kernel can be read.
///
/// | path | P0 | P1 | P2 | P3 | P4 | CTL |
/// | --- | --- | --- | --- | --- | --- | --- |
/// | x86 `hyperv_report_panic()` (`arch/x86/hyperv/hv_init.c`) | error code | guest OS ID | RIP | RAX | RSP | bit 63 |
/// | kmsg dump (`drivers/hv/hv_common.c` `hv_kmsg_dump()`) | 0 | 0 | 0 | log page address | bytes | bits 63+62 |
public enum CrashReport {
    public enum Path: String, Sendable, Equatable {
        /// P0-P4 are all 0: no crash recorded.
        case none
        /// `hyperv_report_panic()`: P1 holds a Linux guest OS ID.
        case panicRegisters = "panic_registers"
        /// `hv_kmsg_dump()`: P3 = physical address of a 4 KiB page with the tail of the kernel log.
        case kmsgDump = "kmsg_dump"
        /// Non-zero, matching neither Linux path: another OS, or a path the reference does not describe.
        case unknown
    }

    /// Which path wrote `parameters` (P0..P4; a nil is an unread parameter, taken as unknown).
    public static func path(_ parameters: [UInt64?]) -> Path? {
        guard parameters.count == 5, parameters.allSatisfy({ $0 != nil }) else { return nil }
        let p = parameters.map { $0 ?? 0 }
        if p.allSatisfy({ $0 == 0 }) { return Path.none }
        if p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] != 0 { return .kmsgDump }
        if GuestOSID(p[1]).vendorID == GuestOSID.linuxVendorID { return .panicRegisters }
        return .unknown
    }

    /// A sentence for `path`, naming what each parameter holds.
    public static func explanation(_ path: Path, _ parameters: [UInt64?]) -> String {
        let p = parameters.map { $0.map(MSRFieldDecoders.shortHex) ?? "?" }
        switch path {
        case .none:
            return "no crash recorded: Linux writes P0-P4 only at panic"
        case .panicRegisters:
            return "Linux panicked (hyperv_report_panic()): error code \(p[0]), RIP \(p[2]), RAX \(p[3]), "
                + "RSP \(p[4]); P1 is the guest OS ID (arm64: P2 = PC, P3 = SP)"
        case .kmsgDump:
            let bytes = parameters[4].map { String($0) } ?? "?"
            return "Linux panicked and dumped its log (hv_kmsg_dump()): \(bytes) bytes at physical address \(p[3])"
        case .unknown:
            return "non-zero but neither Linux panic path: written by another OS or loader"
        }
    }
}
