import Testing

@testable import HyperVKit

/// The catalogue against reference §2.1 and §2.4.
@Suite struct MSRCatalogTests {
    /// §2.4, row by row: the 0x40000003 bits that gate each MSR.
    @Test(arguments: [
        ("VP_RUNTIME", "EAX[0]"), ("TIME_REF_COUNT", "EAX[1]"), ("SCONTROL", "EAX[2]"), ("SINT15", "EAX[2]"),
        ("EOM", "EAX[2]"), ("STIMER3_COUNT", "EAX[3]"), ("EOI", "EAX[4]"), ("VP_ASSIST_PAGE", "EAX[4]"),
        ("GUEST_OS_ID", "EAX[5]"), ("HYPERCALL", "EAX[5]"), ("VP_INDEX", "EAX[6]"), ("RESET", "EAX[7]"),
        ("REFERENCE_TSC", "EAX[9]"), ("GUEST_IDLE", "EAX[10]"), ("TSC_FREQUENCY", "EAX[11]+EDX[8]"),
        ("APIC_FREQUENCY", "EAX[11]+EDX[8]"), ("REENLIGHTENMENT_CONTROL", "EAX[13]"),
        ("TSC_EMULATION_STATUS", "EAX[13]"), ("TSC_INVARIANT_CONTROL", "EAX[15]"), ("CRASH_P0", "EDX[10]"),
        ("CRASH_CTL", "EDX[10]"), ("STIME_UNHALTED_TIMER_CONFIG", "EAX[3]+EDX[23]"),
    ])
    func gates(_ name: String, _ gate: String) throws {
        #expect(try #require(MSRCatalog.msr(named: name)).gate?.description == gate)
    }

    /// §2.1 addresses.
    @Test(arguments: [
        ("GUEST_OS_ID", UInt32(0x4000_0000)), ("TIME_REF_COUNT", 0x4000_0020), ("SINT2", 0x4000_0092),
        ("STIMER0_CONFIG", 0x4000_00B0), ("STIMER3_COUNT", 0x4000_00B7), ("GUEST_IDLE", 0x4000_00F0),
        ("CRASH_CTL", 0x4000_0105), ("TSC_INVARIANT_CONTROL", 0x4000_0118),
    ])
    func addresses(_ name: String, _ index: UInt32) {
        #expect(MSRCatalog.msr(named: name)?.index == index)
        #expect(MSRCatalog.msr(at: index)?.name == name)
    }

    @Test func namesAreCaseInsensitiveWithOrWithoutThePrefix() {
        #expect(MSRCatalog.msr(named: "sint2")?.index == 0x4000_0092)
        #expect(MSRCatalog.msr(named: "HV_X64_MSR_REFERENCE_TSC")?.index == 0x4000_0021)
        #expect(MSRCatalog.msr(named: "hv_x64_msr_guest_os_id")?.index == 0x4000_0000)
        #expect(MSRCatalog.msr(named: "SINT16") == nil)
    }

    /// Nothing unsafe is read by default, and every default is one §2.2 gives a layout for.
    @Test func defaultsAreSafeAndDecoded() {
        for msr in MSRCatalog.defaults {
            #expect(msr.isSafeToRead, "\(msr.name)")
            #expect(msr.layout != .raw, "\(msr.name)")
        }
        #expect(MSRCatalog.defaults.count == 47)
        #expect(!MSRCatalog.defaults.contains { $0.index == 0x4000_00F0 })
        for index in MSRSafety.denied.keys { #expect(MSRCatalog.msr(at: index)?.readByDefault == false) }
    }

    /// §2.1 scope column.
    @Test func scopes() {
        #expect(MSRCatalog.msr(named: "GUEST_OS_ID")?.scope == .partition)
        #expect(MSRCatalog.msr(named: "REFERENCE_TSC")?.scope == .partition)
        #expect(MSRCatalog.msr(named: "VP_INDEX")?.scope == .perVP)
        #expect(MSRCatalog.msr(named: "SIMP")?.scope == .perVP)
        #expect(MSRCatalog.msr(named: "CRASH_CTL")?.scope == .unstated)
    }

    /// A gate is granted only when every bit it names is set; unknown words give nil.
    @Test func gateEvaluation() throws {
        let frequency = try #require(MSRCatalog.msr(named: "TSC_FREQUENCY")?.gate)
        #expect(frequency.isGranted(by: PartitionPrivileges(privilegeLow: 1 << 11, features: 1 << 8)) == true)
        #expect(frequency.isGranted(by: PartitionPrivileges(privilegeLow: 1 << 11, features: 0)) == false)
        #expect(frequency.isGranted(by: PartitionPrivileges(privilegeLow: 1 << 11)) == nil)
        #expect(frequency.isGranted(by: PartitionPrivileges()) == nil)
    }
}
