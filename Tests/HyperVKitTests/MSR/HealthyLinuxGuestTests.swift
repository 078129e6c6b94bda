import Testing

@testable import HyperVKit

/// Reference §2.3 applied: the value a healthy Linux x86 guest programs, and the conditions it
/// depends on (hints[9], EDX[19], EAX[15], root, isolation).
@Suite struct HealthyLinuxGuestTests {
    private func expectation(
        _ name: String, _ value: UInt64, eax: UInt32 = 0xAE7F, edx: UInt32 = 0xC0BE_D7B2, hints: UInt32? = 0x140C2C,
        ebx: UInt32 = 0x0038_8030, kernel: String? = "6.1.0-37-cloud-amd64"
    ) throws -> MSRExpectation? {
        let msr = try #require(MSRCatalog.msr(named: name))
        let privileges = PartitionPrivileges(privilegeLow: eax, privilegeHigh: ebx, features: edx, hints: hints)
        let guest = HealthyLinuxGuest(privileges: privileges, kernelRelease: kernel)
        return guest.expectation(for: msr, value: value, decoded: MSRDecoder.decode(msr, value: value))
    }

    /// SINT2 auto-EOI = NOT hints[9]: 0x200F3 without bit 9, 0xF3 with it.
    @Test func sint2AutoEOIFollowsHintBit9() throws {
        #expect(try expectation("SINT2", 0x200F3, hints: 0x140C2C)?.matches == true)
        #expect(try expectation("SINT2", 0x000F3, hints: 0x140C2C)?.matches == false)
        #expect(try expectation("SINT2", 0x000F3, hints: 0x60E2C)?.matches == true)
        #expect(try expectation("SINT2", 0x200F3, hints: 0x60E2C)?.matches == false)
        #expect(try expectation("SINT2", 0x300F3)?.matches == false)
        #expect(try expectation("SINT2", 0x200F2)?.matches == false)
        // Unknown hints: vector and mask still compared, auto-EOI not.
        #expect(try expectation("SINT2", 0x000F3, hints: nil)?.matches == true)
        // Reserved bits are preserved by the kernel: compared by field, not by word.
        #expect(try expectation("SINT2", 0x0200_0000_0002_00F3)?.matches == true)
    }

    @Test func otherSINTsStayMasked() throws {
        #expect(try expectation("SINT0", 0x10000)?.matches == true)
        #expect(try expectation("SINT5", 0x000F3)?.matches == false)
    }

    /// STIMER0: 0x1ED9 with EDX[19], 0x20009 without; Enable may read 0 between expiry and re-arm.
    @Test func stimer0ModeFollowsEDX19() throws {
        #expect(try expectation("STIMER0_CONFIG", 0x1ED9)?.matches == true)
        #expect(try expectation("STIMER0_CONFIG", 0x1ED8)?.matches == true)
        #expect(try expectation("STIMER0_CONFIG", 0x20009)?.matches == false)
        #expect(try expectation("STIMER0_CONFIG", 0x20009, edx: 0)?.matches == true)
        #expect(try expectation("STIMER0_CONFIG", 0x1ED9, edx: 0)?.matches == false)
        #expect(try expectation("STIMER1_CONFIG", 0)?.matches == true)
        #expect(try expectation("STIMER2_CONFIG", 0x1ED9)?.matches == false)
    }

    @Test func tscInvariantControlIsOne() throws {
        #expect(try expectation("TSC_INVARIANT_CONTROL", 1)?.matches == true)
        #expect(try expectation("TSC_INVARIANT_CONTROL", 0)?.matches == false)
    }

    /// GUEST_OS_ID: vendor 0x8100, build 0, the kernel's major.minor (the sublevel is not compared).
    @Test func guestOSIDAgainstTheKernelRelease() throws {
        #expect(try expectation("GUEST_OS_ID", 0x8100_0006_01C0_0000)?.matches == true)
        #expect(try expectation("GUEST_OS_ID", 0x8100_0006_0100_0000)?.matches == true)
        #expect(try expectation("GUEST_OS_ID", 0x8100_0005_0A00_0000)?.matches == false)
        #expect(try expectation("GUEST_OS_ID", 0x8100_0006_01C0_0001)?.matches == false)
        #expect(try expectation("GUEST_OS_ID", 0)?.matches == false)
        #expect(try expectation("GUEST_OS_ID", 0x8100_0005_0A00_0000, kernel: nil)?.matches == true)
    }

    @Test func pagesAndSynICAreEnabled() throws {
        for name in ["HYPERCALL", "REFERENCE_TSC", "VP_ASSIST_PAGE", "SCONTROL", "SIMP", "SIEFP"] {
            #expect(try expectation(name, 0x1_0000_1001)?.matches == true, "\(name)")
            #expect(try expectation(name, 0x1_0000_1000)?.matches == false, "\(name)")
        }
        #expect(try expectation("SVERSION", 1)?.matches == true)
    }

    /// §2.3: isolated VMs' SynIC values may be the paravisor's copies: not judged; a root partition
    /// does not use the reference TSC page.
    @Test func isolatedAndRootAreNotJudged() throws {
        #expect(try expectation("SIMP", 0, ebx: 1 << 22)?.matches == nil)
        #expect(try expectation("SINT2", 0, ebx: 1 << 22)?.matches == nil)
        #expect(try expectation("REFERENCE_TSC", 0, ebx: 1 << 12)?.matches == nil)
    }

    @Test func crashAndNestedControls() throws {
        #expect(try expectation("CRASH_CTL", 0xC000_0000_0000_0000)?.matches == true)
        #expect(try expectation("CRASH_CTL", 0x4000_0000_0000_0000)?.matches == false)
        #expect(try expectation("CRASH_P0", 0)?.matches == true)
        #expect(try expectation("CRASH_P0", 5)?.matches == false)
        #expect(try expectation("REENLIGHTENMENT_CONTROL", 0)?.matches == true)
        #expect(try expectation("REENLIGHTENMENT_CONTROL", 1 << 16 | 0xEE)?.matches == true)
        #expect(try expectation("REENLIGHTENMENT_CONTROL", 1 << 16 | 0x30)?.matches == false)
        #expect(try expectation("TSC_EMULATION_CONTROL", 0)?.matches == true)
    }

    /// Counters, frequencies and VP_INDEX have no fixed healthy value.
    @Test func noExpectationForCounters() throws {
        for name in ["VP_INDEX", "VP_RUNTIME", "TIME_REF_COUNT", "TSC_FREQUENCY", "APIC_FREQUENCY", "STIMER0_COUNT"] {
            #expect(try expectation(name, 12345) == nil, "\(name)")
        }
    }
}
