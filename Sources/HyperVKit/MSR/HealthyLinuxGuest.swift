/// What a healthy Linux x86 guest shows in an MSR, and whether a value agrees.
public struct MSRExpectation: Sendable, Equatable {
    /// The value or fields a healthy guest shows, in words (`vector 0xf3, unmasked, auto-EOI`).
    public var expected: String
    /// Whether the value agrees; nil when it cannot be told (a word it depends on is unknown, or the
    /// reference says not to judge, as in isolated VMs).
    public var matches: Bool?
    /// Why, with the kernel function that programs it.
    public var explanation: String

    public init(expected: String, matches: Bool?, explanation: String) {
        self.expected = expected
        self.matches = matches
        self.explanation = explanation
    }
}

/// Reference §2.3, "Values a healthy Linux x86 guest programs", applied to a read value. The
/// comparison is on fields, never on the whole word: reserved bits are preserved by the kernel.
public struct HealthyLinuxGuest: Sendable {
    public var privileges: PartitionPrivileges
    /// `uname -r`: only its major.minor is compared with GUEST_OS_ID (Debian's `6.1.0-37` hides the
    /// stable sublevel that LINUX_VERSION_CODE carries).
    public var kernel: KernelRelease?

    public init(privileges: PartitionPrivileges, kernelRelease: String?) {
        self.privileges = privileges
        self.kernel = kernelRelease.flatMap(KernelRelease.init)
    }

    /// `HYPERVISOR_CALLBACK_VECTOR` (`arch/x86/include/asm/irq_vectors.h`): the VMBus SINT vector.
    public static let vmbusVector: UInt64 = 0xF3
    /// `HYPERV_STIMER0_VECTOR`: stimer0's APIC vector in direct mode.
    public static let stimer0Vector: UInt64 = 0xED
    /// `HYPERV_REENLIGHTENMENT_VECTOR`.
    public static let reenlightenmentVector: UInt64 = 0xEE
    /// `VMBUS_MESSAGE_SINT` (`drivers/hv/hyperv_vmbus.h`).
    public static let vmbusSINT = 2

    /// The expectation for `msr` holding `decoded`; nil for MSRs whose value a healthy guest does not
    /// fix (VP_INDEX, counters, frequencies, unlisted ones).
    public func expectation(for msr: SyntheticMSR, value: UInt64, decoded: DecodedMSR) -> MSRExpectation? {
        switch msr.layout {
        case .guestOSID: return guestOSID(GuestOSID(value))
        case .hypercall:
            return enabled(decoded, "after hyperv_init() sets up the hypercall page (arch/x86/hyperv/hv_init.c)")
        case .referenceTSC: return referenceTSC(decoded)
        case .enabledPage where msr.index == 0x4000_0073:
            return enabled(decoded, "hv_cpu_init() enables the VP assist page on every online CPU")
        case .enabledPage, .scontrol: return synic(decoded)
        case .sversion:
            let version = decoded.integer("version")
            return MSRExpectation(
                expected: "1", matches: version == 1, explanation: "Linux expects HV_SYNIC_VERSION_1 (drivers/hv/hv.c)")
        case .sint(let number): return sint(number, decoded)
        case .stimerConfig(let number): return stimerConfig(number, value: value, decoded)
        case .crashControl: return crashControl(decoded)
        case .crashParameter:
            return MSRExpectation(
                expected: "0", matches: value == 0,
                explanation: "Linux writes CRASH_P0-P4 only at panic (hyperv_report_panic(), hv_kmsg_dump())")
        case .reenlightenmentControl: return reenlightenment(value, decoded)
        case .tscEmulationControl, .tscEmulationStatus:
            return MSRExpectation(
                expected: "0", matches: value & 1 == 0,
                explanation: "set only when a nested hypervisor (KVM) registers for TSC-change notifications")
        case .tscInvariantControl: return tscInvariant(decoded)
        case .vpIndex, .time100ns, .frequency, .stimerCount, .raw: return nil
        }
    }

    func guestOSID(_ id: GuestOSID) -> MSRExpectation {
        let release = kernel.map { "Linux \($0.major).\($0.minor).x" } ?? "Linux"
        let expected = "vendor 0x8100, \(release), build 0"
        let why = "hyperv_init() writes 0x8100 << 48 | LINUX_VERSION_CODE << 16 (hv_generate_guest_id())"
        guard id.isRegistered else {
            return MSRExpectation(
                expected: expected, matches: false, explanation: "not set: \(why) at boot; 0 after kexec")
        }
        var matches = id.vendorID == GuestOSID.linuxVendorID && id.buildNumber == 0
        if let version = id.linuxVersion, let kernel {
            matches = matches && version.major == kernel.major && version.minor == kernel.minor
        }
        let note = kernel == nil ? "" : "; the sublevel is not compared (uname -r may not carry it)"
        return MSRExpectation(expected: expected, matches: matches, explanation: why + note)
    }

    func enabled(_ decoded: DecodedMSR, _ why: String) -> MSRExpectation {
        MSRExpectation(expected: "enabled", matches: decoded.flag("enabled"), explanation: why)
    }

    func referenceTSC(_ decoded: DecodedMSR) -> MSRExpectation {
        guard privileges.isRootPartition != true else {
            return MSRExpectation(
                expected: "-", matches: nil, explanation: "a root partition does not use the reference TSC page")
        }
        return enabled(decoded, "hyperv_timer.c enables the TSC page when EAX[9] is set and not root")
    }

    /// SCONTROL, SIMP, SIEFP: isolated VMs with a paravisor may show the paravisor's copies (§2.3,
    /// unconfirmed): not judged there.
    func synic(_ decoded: DecodedMSR) -> MSRExpectation {
        let why = "hv_synic_enable_regs() sets it on every online CPU while hv_vmbus is loaded (drivers/hv/hv.c)"
        if privileges.isIsolated == true {
            return MSRExpectation(
                expected: "enabled", matches: nil,
                explanation: "isolated VM: a user-space read may show the paravisor's copy, not judged")
        }
        return enabled(decoded, why)
    }

    func sint(_ number: Int, _ decoded: DecodedMSR) -> MSRExpectation {
        let masked = decoded.flag("masked")
        guard number == HealthyLinuxGuest.vmbusSINT else {
            return MSRExpectation(
                expected: "masked", matches: masked,
                explanation: "reset value 0x10000 (masked); Linux programs only SINT2, the VMBus SINT")
        }
        let autoEOI = privileges.hint(9).map { !$0 }
        var expected = "vector 0xf3, unmasked"
        if let autoEOI { expected += autoEOI ? ", auto-EOI" : ", no auto-EOI" }
        var matches = decoded.integer("vector") == HealthyLinuxGuest.vmbusVector && masked == false
        if let autoEOI { matches = matches && decoded.flag("auto_eoi") == autoEOI }
        let hintText = privileges.hints == nil ? "unknown hints: auto-EOI not compared" : "auto-EOI = NOT hints[9]"
        let why = "hv_synic_enable_regs(): HYPERVISOR_CALLBACK_VECTOR, \(hintText)"
        if privileges.isIsolated == true {
            return MSRExpectation(
                expected: expected, matches: nil, explanation: "isolated VM: may show the paravisor's copy, not judged")
        }
        return MSRExpectation(expected: expected, matches: matches, explanation: why)
    }

    func stimerConfig(_ number: Int, value: UInt64, _ decoded: DecodedMSR) -> MSRExpectation {
        guard number == 0 else {
            return MSRExpectation(
                expected: "0", matches: value == 0,
                explanation: "Linux only uses timer 0 (Documentation/virt/hyperv/clocks.rst)")
        }
        let why = "hv_ce_set_oneshot(); Enable may read 0 between expiry and re-arm, so it is not compared"
        guard let direct = privileges.feature(19) else {
            return MSRExpectation(
                expected: "0x1ed9 (direct) or 0x20009 (message)", matches: nil,
                explanation: "EDX unknown: cannot tell direct from message mode; " + why)
        }
        let autoEnable = decoded.flag("auto_enable") == true
        if direct {
            let matches =
                autoEnable && decoded.flag("direct_mode") == true
                && decoded.integer("apic_vector") == HealthyLinuxGuest.stimer0Vector
            return MSRExpectation(
                expected: "0x1ed9: direct mode, vector 0xed, auto-enable", matches: matches,
                explanation: "EDX[19] set: " + why)
        }
        let matches =
            autoEnable && decoded.flag("direct_mode") == false
            && decoded.integer("sintx") == UInt64(HealthyLinuxGuest.vmbusSINT)
        return MSRExpectation(
            expected: "0x20009: message to SINT2, auto-enable", matches: matches, explanation: "EDX[19] clear: " + why)
    }

    func crashControl(_ decoded: DecodedMSR) -> MSRExpectation {
        let message = decoded.flag("crash_message") == true
        let why =
            "a read returns the host's capabilities; "
            + (message
                ? "CrashMessage set, so Linux registers its kmsg dumper (drivers/hv/hv_common.c)"
                : "without CrashMessage Linux reports only the panic registers")
        return MSRExpectation(expected: "crash notify", matches: decoded.flag("crash_notify"), explanation: why)
    }

    func reenlightenment(_ value: UInt64, _ decoded: DecodedMSR) -> MSRExpectation {
        let inUse =
            decoded.flag("enabled") == true && decoded.integer("vector") == HealthyLinuxGuest.reenlightenmentVector
        return MSRExpectation(
            expected: "0 (0xee when a nested hypervisor uses it)", matches: value == 0 || inUse,
            explanation: "Linux enables it only when a nested hypervisor (KVM) registers a callback (hv_init.c)")
    }

    func tscInvariant(_ decoded: DecodedMSR) -> MSRExpectation {
        let why = "ms_hyperv_init_platform() writes 1 when EAX[15] is set (arch/x86/kernel/cpu/mshyperv.c)"
        return MSRExpectation(expected: "1", matches: decoded.flag("expose_invariant_tsc"), explanation: why)
    }
}
