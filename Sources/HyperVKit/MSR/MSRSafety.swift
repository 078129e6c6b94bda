/// Which synthetic MSRs hvctl may read at all.
///
/// A read of `/dev/cpu/N/msr` runs `rdmsr` on CPU N inside an IPI with interrupts disabled
/// (reference §9, `arch/x86/kernel/msr.c`), so an MSR whose *read* has a side effect must never
/// reach the device. Every reader of live MSRs asks `isSafeToRead` before opening anything.
public enum MSRSafety {
    /// MSRs that are never read, each with the reason (reference §2.1, "hvctl read" column).
    public static let denied: [UInt32: String] = [
        // TLFS "Virtual Processor Idle Sleep State": a read idles the VP until an interrupt
        // arrives, even with interrupts masked; Linux uses exactly this in hv_qlock_wait()
        // (arch/x86/hyperv/hv_spinlock.c).
        0x4000_00F0: "HV_X64_MSR_GUEST_IDLE: a read puts the virtual processor to sleep",
        // Writing bit 0 resets the VM; read semantics are undocumented and there is nothing to learn.
        0x4000_0003: "HV_X64_MSR_RESET: resets the partition, read semantics undocumented",
        // Write-only: the virtual APIC end-of-interrupt register.
        0x4000_0070: "HV_X64_MSR_EOI: write-only",
        // SynIC end-of-message: a write acknowledges a message, reads return 0.
        0x4000_0084: "HV_X64_MSR_EOM: write-only in effect, a read returns 0",
    ]
    // SIRBP (0x40000085) was here while its purpose was unconfirmed (reference §2.1). Mainline
    // names it (`HV_X64_MSR_SIRBP`, `union hv_synic_sirbp` in include/hyperv/hvgdk_mini.h: enable
    // bit 0, base GPA of the SynIC event-ring page in bits 63:12): a plain register, read only when
    // asked for by name (issue 13).

    /// False for an MSR whose read has a side effect or no meaning (`denied`).
    public static func isSafeToRead(_ index: UInt32) -> Bool {
        denied[index] == nil
    }

    /// Why `index` is refused, or nil when it is safe to read.
    public static func refusal(_ index: UInt32) -> String? {
        denied[index]
    }
}
