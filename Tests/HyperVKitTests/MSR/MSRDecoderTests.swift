import Testing

@testable import HyperVKit

/// Every field of reference §2.2 on literal values; the expected numbers are worked out from the
/// bit positions the reference (and the kernel union it cites) gives, not from hvctl's output.
@Suite struct MSRDecoderTests {
    private func decode(_ name: String, _ value: UInt64) throws -> DecodedMSR {
        let msr = try #require(MSRCatalog.msr(named: name))
        return MSRDecoder.decode(msr, value: value)
    }

    /// §2.2: 6.1.192 → LINUX_VERSION_CODE 0x0601C0 → 0x8100000601C00000.
    @Test func guestOSIDOfLinux6_1_192() throws {
        let decoded = try decode("GUEST_OS_ID", 0x8100_0006_01C0_0000)
        #expect(decoded.flag("registered") == true)
        #expect(decoded.flag("open_source") == true)
        #expect(decoded["vendor_id"] == .hex(0x8100, digits: 4))
        #expect(decoded["os_type"] == .text("linux"))
        #expect(decoded.integer("os_id") == 0)
        #expect(decoded["version_code"] == .hex(0x0601C0, digits: 6))
        #expect(decoded["kernel_version"] == .text("6.1.192"))
        #expect(decoded.integer("build_number") == 0)
        let id = GuestOSID(0x8100_0006_01C0_0000)
        #expect(id.linuxVersion?.major == 6 && id.linuxVersion?.minor == 1 && id.linuxVersion?.sublevel == 192)
    }

    /// The sublevel saturates at 255 (`min(c, 255)`): 4.19.300 is written as 4.19.255.
    @Test func guestOSIDSublevelSaturates() throws {
        let code: UInt64 = (4 << 16) + (19 << 8) + 255
        let decoded = try decode("GUEST_OS_ID", 0x8100 << 48 | code << 16)
        #expect(decoded["kernel_version"] == .text("4.19.255"))
    }

    /// Open-source OS types 2-4 (§2.2) and an unknown one kept as a number; no kernel_version.
    @Test(arguments: [(UInt64(2), "freebsd"), (3, "xen"), (4, "illumos")])
    func guestOSIDOtherOpenSourceTypes(_ type: UInt64, _ name: String) throws {
        let decoded = try decode("GUEST_OS_ID", 1 << 63 | type << 56 | 0x0D00_0000 << 16 | 7)
        #expect(decoded["os_type"] == .text(name))
        #expect(decoded["kernel_version"] == nil)
        #expect(decoded.integer("build_number") == 7)
        #expect(try decode("GUEST_OS_ID", 1 << 63 | 0x55 << 56)["os_type"] == .int(0x55))
    }

    /// Proprietary: vendor 1 Microsoft, OS ID 4 Windows NT, 10.0, service version 0, build 20348.
    @Test func guestOSIDProprietaryWindows() throws {
        let raw: UInt64 = 0x0001 << 48 | 4 << 40 | 10 << 32 | 0 << 24 | 0 << 16 | 20348
        let decoded = try decode("HV_X64_MSR_GUEST_OS_ID", raw)
        #expect(decoded.flag("open_source") == false)
        #expect(decoded["vendor"] == .text("microsoft"))
        #expect(decoded["os_type"] == .text("windows_nt"))
        #expect(decoded["version"] == .text("10.0"))
        #expect(decoded.integer("service_version") == 0)
        #expect(decoded.integer("build_number") == 20348)
    }

    @Test func guestOSIDZeroIsNotRegistered() throws {
        let decoded = try decode("GUEST_OS_ID", 0)
        #expect(decoded.flag("registered") == false)
        #expect(decoded.fields.count == 1)
    }

    /// HYPERCALL: bit 0 enable, bit 1 locked, 63:12 GPFN.
    @Test func hypercall() throws {
        let decoded = try decode("HYPERCALL", 0x0000_0001_368E_A003)
        #expect(decoded.flag("enabled") == true)
        #expect(decoded.flag("locked") == true)
        #expect(decoded["page_gpa"] == .hex(0x1_368E_A000, digits: 16))
        #expect(try decode("HYPERCALL", 0).flag("enabled") == false)
    }

    /// REFERENCE_TSC, VP_ASSIST_PAGE, SIEFP, SIMP: bit 0 enable, 63:12 page; reserved 11:1 not in the GPA.
    @Test(arguments: ["REFERENCE_TSC", "VP_ASSIST_PAGE", "SIEFP", "SIMP"])
    func enabledPages(_ name: String) throws {
        let decoded = try decode(name, 0x0000_0000_027D_BFFF)
        #expect(decoded.flag("enabled") == true)
        #expect(decoded["page_gpa"] == .hex(0x27D_B000, digits: 16))
        #expect(try decode(name, 0x27D_B000).flag("enabled") == false)
    }

    @Test func vpIndex() throws {
        #expect(try decode("VP_INDEX", 5).integer("vp_index") == 5)
    }

    /// 100 ns units (`HV_CLOCK_HZ` = 10,000,000): 82,345,678,901 units = 8234.5678901 s.
    @Test(arguments: ["VP_RUNTIME", "TIME_REF_COUNT", "STIMER0_COUNT"])
    func hundredNanosecondCounters(_ name: String) throws {
        let decoded = try decode(name, 82_345_678_901)
        #expect(decoded.integer("units_100ns") == 82_345_678_901)
        #expect(decoded["seconds"] == .number(8234.5678901))
    }

    @Test func timeRefCountIsUptime() throws {
        #expect(try decode("TIME_REF_COUNT", 82_345_678_901).summary == "partition up 2h 17m 14s")
        #expect(try decode("STIMER1_COUNT", 0).summary == "stopped")
    }

    @Test(arguments: ["TSC_FREQUENCY", "APIC_FREQUENCY"])
    func frequencies(_ name: String) throws {
        let decoded = try decode(name, 200_000_000)
        #expect(decoded.integer("hz") == 200_000_000)
        #expect(decoded["mhz"] == .number(200))
    }

    @Test func scontrolAndSVersion() throws {
        #expect(try decode("SCONTROL", 1).flag("enabled") == true)
        #expect(try decode("SCONTROL", 0xFFFF_FFFE).flag("enabled") == false)
        #expect(try decode("SVERSION", 0xFFFF_FFFF_0000_0001).integer("version") == 1)
    }

    /// §2.3: Linux's SINT2 `0x00000000000200F3` = vector 0xF3, auto-EOI, unmasked; the reset value
    /// 0x10000 is masked.
    @Test func sintOfLinuxVMBus() throws {
        let decoded = try decode("sint2", 0x0000_0000_0002_00F3)
        #expect(decoded.integer("vector") == 0xF3)
        #expect(decoded.flag("masked") == false)
        #expect(decoded.flag("auto_eoi") == true)
        #expect(decoded.flag("polling") == false)
        #expect(decoded.flag("as_intercept") == false)
        #expect(decoded.flag("proxy") == false)
        let reset = try decode("SINT0", 0x0000_0000_0001_0000)
        #expect(reset.flag("masked") == true)
        #expect(reset.integer("vector") == 0)
    }

    /// Bits 18 (polling), 19 (as_intercept) and 20 (proxy, newer headers).
    @Test func sintNewerBits() throws {
        let decoded = try decode("SINT15", 1 << 18 | 1 << 19 | 1 << 20 | 0x30)
        #expect(decoded.flag("polling") == true)
        #expect(decoded.flag("as_intercept") == true)
        #expect(decoded.flag("proxy") == true)
        #expect(decoded.integer("vector") == 0x30)
    }

    /// §2.3: direct mode 0x1ED9 = Enable | AutoEnable | vector 0xED | DirectMode.
    @Test func stimerDirectMode() throws {
        let decoded = try decode("STIMER0_CONFIG", 0x1ED9)
        #expect(decoded.flag("enabled") == true)
        #expect(decoded.flag("periodic") == false)
        #expect(decoded.flag("lazy") == false)
        #expect(decoded.flag("auto_enable") == true)
        #expect(decoded.integer("apic_vector") == 0xED)
        #expect(decoded.flag("direct_mode") == true)
        #expect(decoded.integer("sintx") == 0)
    }

    /// §2.3: message mode 0x20009 = Enable | AutoEnable | SINTx 2; bits 1 and 2 periodic and lazy.
    @Test func stimerMessageMode() throws {
        let decoded = try decode("STIMER3_CONFIG", 0x20009 | 0b110)
        #expect(decoded.flag("direct_mode") == false)
        #expect(decoded.integer("sintx") == 2)
        #expect(decoded.flag("periodic") == true)
        #expect(decoded.flag("lazy") == true)
    }

    /// CRASH_CTL: 63 CrashNotify, 62 CrashMessage, 61 NoCrashDump, 60:58 PreOSId.
    @Test func crashControl() throws {
        let decoded = try decode("CRASH_CTL", 0xC000_0000_0000_0000)
        #expect(decoded.flag("crash_notify") == true)
        #expect(decoded.flag("crash_message") == true)
        #expect(decoded.flag("no_crash_dump") == false)
        #expect(decoded.integer("pre_os_id") == 0)
        let other = try decode("CRASH_CTL", 1 << 61 | 5 << 58)
        #expect(other.flag("crash_notify") == false)
        #expect(other.flag("no_crash_dump") == true)
        #expect(other.integer("pre_os_id") == 5)
        #expect(try decode("CRASH_P3", 0x1234_5000)["value"] == .hex(0x1234_5000, digits: 16))
    }

    /// REENLIGHTENMENT_CONTROL: 7:0 vector, 16 enabled, 63:32 target VP.
    @Test func reenlightenmentAndTSCControls() throws {
        let decoded = try decode("REENLIGHTENMENT_CONTROL", 3 << 32 | 1 << 16 | 0xEE)
        #expect(decoded.integer("vector") == 0xEE)
        #expect(decoded.flag("enabled") == true)
        #expect(decoded.integer("target_vp") == 3)
        #expect(try decode("TSC_EMULATION_CONTROL", 1).flag("enabled") == true)
        #expect(try decode("TSC_EMULATION_STATUS", 1).flag("in_progress") == true)
        #expect(try decode("TSC_INVARIANT_CONTROL", 1).flag("expose_invariant_tsc") == true)
        #expect(try decode("TSC_INVARIANT_CONTROL", 0).flag("expose_invariant_tsc") == false)
    }

    /// §2.2 "What Linux writes at panic": the x86 panic path puts the guest OS ID in P1; the kmsg
    /// path writes 0, 0, 0, the page address, the byte count.
    @Test func crashParametersAreInterpretedTogether() {
        #expect(CrashReport.path([0, 0, 0, 0, 0]) == CrashReport.Path.none)
        #expect(CrashReport.path([0, 0, 0, 0x7F3E_5000, 4096]) == .kmsgDump)
        #expect(CrashReport.path([0xD, 0x8100_0006_01C0_0000, 0xFFFF_FFFF_8100_0000, 0, 0]) == .panicRegisters)
        #expect(CrashReport.path([1, 2, 3, 4, 5]) == .unknown)
        #expect(CrashReport.path([0, nil, 0, 0, 0]) == nil)
        #expect(CrashReport.explanation(.kmsgDump, [0, 0, 0, 0x7F3E_5000, 4096]).contains("4096 bytes"))
    }
}
