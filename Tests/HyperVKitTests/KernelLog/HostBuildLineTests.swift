import Testing

@testable import HyperVKit

/// The host-build lines (reference §1.3, §7.3). The example numbers are all different
/// (major 10, minor 2, build 20348, service number 1970, service pack 7, service branch 3), so a
/// field read from the wrong position is caught.
@Suite struct HostBuildLineTests {
    /// Leaf 0x40000002 for the example: EAX = 20348 = 0x4F7C, EBX = 10 << 16 | 2,
    /// ECX = 7, EDX = 3 << 24 | 1970 (0x7B2).
    static let example = RegisterSet(eax: 0x4F7C, ebx: 0x000A_0002, ecx: 7, edx: 0x0300_07B2)

    /// 6.1: `major.minor.build.service_number-service_pack-service_branch` — build is the third field.
    @Test func linux61Order() throws {
        let facts = parseLog("[    0.000000] Hyper-V: Host Build 10.2.20348.1970-7-3")
        let host = try #require(facts.hostVersion)
        #expect(host.major == 10)
        #expect(host.minor == 2)
        #expect(host.build == 20348)
        #expect(host.serviceNumber == 1970)
        #expect(host.servicePack == 7)
        #expect(host.serviceBranch == 3)
        #expect(host.registers == Self.example)
        #expect(facts.hostBuildFormat == .hostBuild)
        #expect(facts.vmbusVersion == nil)
    }

    /// The reference's worked example (§1.3): `10.0.20348.2700-0-0`.
    @Test func referenceWorkedExample() {
        let facts = parseLog("Hyper-V: Host Build 10.0.20348.2700-0-0")
        #expect(facts.hostVersion?.registers == RegisterSet(eax: 0x4F7C, ebx: 0x000A_0000, ecx: 0, edx: 0xA8C))
    }

    /// The proposed rename keeps the 6.1 order.
    @Test func hypervisorBuildRename() {
        let facts = parseLog("Hyper-V: Hypervisor Build 10.2.20348.1970-7-3")
        #expect(facts.hostVersion?.registers == Self.example)
        #expect(facts.hostBuildFormat == .hypervisorBuild)
    }

    /// Before 6.1 (x86 `mshyperv.c`, 2017): `build-major.minor-service_pack-service_branch.service_number`.
    @Test func legacyOrder() throws {
        let facts = parseLog("[    0.000000] Hyper-V Host Build:20348-10.2-7-3.1970")
        let host = try #require(facts.hostVersion)
        #expect(host.build == 20348)
        #expect(host.major == 10)
        #expect(host.minor == 2)
        #expect(host.servicePack == 7)
        #expect(host.serviceBranch == 3)
        #expect(host.serviceNumber == 1970)
        #expect(host.registers == Self.example)
        #expect(facts.hostBuildFormat == .legacy)
    }

    /// 2012-2017 `drivers/hv/connection.c`: the legacy order plus the negotiated VMBus version.
    @Test func legacyVMBusLineGivesBothFacts() {
        let facts = parseLog("[    1.101345] hv_vmbus: Hyper-V Host Build:20348-10.2-7-3.1970; Vmbus version:4.0")
        #expect(facts.hostVersion?.registers == Self.example)
        #expect(facts.vmbusVersion == VMBusVersion(major: 4, minor: 0))
        #expect(facts.hostBuildFormat == .legacyVMBus)
        #expect(facts.evidence == ["hv_vmbus: Hyper-V Host Build:20348-10.2-7-3.1970; Vmbus version:4.0"])
    }

    /// A real-looking WS2016 line (build 14393, service number 1770).
    @Test func legacyWS2016() {
        let facts = parseLog("hv_vmbus: Hyper-V Host Build:14393-10.0-0-0.1770; Vmbus version:4.0")
        #expect(
            facts.hostVersion
                == HostVersion(build: 14393, major: 10, minor: 0, servicePack: 0, serviceBranch: 0, serviceNumber: 1770)
        )
    }

    /// x86 6.1 holds the registers in `int`s: with bit 31 set, EAX and ECX print negative, and
    /// `ebx >> 16` / `edx >> 24` are arithmetic shifts that print negative too. Registers
    /// EAX=0x80004F7C, EBX=0xFFFF0001, ECX=0xFFFFFFFE, EDX=0x81000010 print
    /// `-1.1.-2147463300.16--2--127` (computed with C's int semantics).
    @Test func negativeFieldsAreTwosComplement() {
        let facts = parseLog("Hyper-V: Host Build -1.1.-2147463300.16--2--127")
        #expect(
            facts.hostVersion?.registers
                == RegisterSet(eax: 0x8000_4F7C, ebx: 0xFFFF_0001, ecx: 0xFFFF_FFFE, edx: 0x8100_0010))
        // The reading is a repair, and is said (issue 13).
        #expect(
            facts.diagnostics == [
                "line 1: -1, -2147463300, -2, -127 printed negative by %d: read as the two's complement of the "
                    + "register field (the kernel prints the host build from int variables)"
            ])
    }

    /// The 3.x line (drivers/hv/hv.c: `Hyper-V Host OS Build:%d-%d.%d-%d-%d.%d`, the legacy order).
    @Test func hostOSBuildLineOf3x() {
        let facts = parseLog("[    0.536012] hv_vmbus: Hyper-V Host OS Build:7601-6.1-17-0.17939")
        #expect(
            facts.hostVersion
                == HostVersion(build: 7601, major: 6, minor: 1, servicePack: 17, serviceBranch: 0, serviceNumber: 17939)
        )
        #expect(facts.hostBuildFormat == .legacyHostOS)
        #expect(facts.hyperVLines == 1)
    }

    @Test func negativeFieldsInLegacyOrder() {
        let facts = parseLog("Hyper-V Host Build:-2147463300--1.1--2--127.16")
        #expect(
            facts.hostVersion?.registers
                == RegisterSet(eax: 0x8000_4F7C, ebx: 0xFFFF_0001, ecx: 0xFFFF_FFFE, edx: 0x8100_0010))
    }

    /// Values no field of leaf 0x40000002 can print are refused, with a diagnostic.
    @Test(arguments: [
        "Hyper-V: Host Build 10.-1.20348.1970-7-3",  // minor is EBX & 0xFFFF: never negative
        "Hyper-V: Host Build 65536.2.20348.1970-7-3",  // major is 16 bits
        "Hyper-V: Host Build -32769.2.20348.1970-7-3",  // below a 16-bit arithmetic shift
        "Hyper-V: Host Build 10.2.4294967296.1970-7-3",  // build is 32 bits
        "Hyper-V: Host Build 10.2.-2147483649.1970-7-3",
        "Hyper-V: Host Build 10.2.20348.16777216-7-3",  // service number is 24 bits
        "Hyper-V: Host Build 10.2.20348.-1-7-3",
        "Hyper-V: Host Build 10.2.20348.1970-7-256",  // service branch is 8 bits
        "Hyper-V: Host Build 10.2.20348.1970-7--129",
        "Hyper-V: Host Build 10.2.20348.1970-7-99999999999999999999999",
        "Hyper-V Host Build:20348-10.2-7-3.16777216",
    ])
    func impossibleFieldsAreRejected(_ line: String) {
        let facts = parseLog(line)
        #expect(facts.hostVersion == nil)
        #expect(facts.hostBuildFormat == nil)
        #expect(facts.diagnostics.count == 1)
    }

    @Test func largestPositiveFieldsAreAccepted() {
        let facts = parseLog("Hyper-V: Host Build 65535.65535.4294967295.16777215-4294967295-255")
        #expect(
            facts.hostVersion?.registers
                == RegisterSet(eax: 0xFFFF_FFFF, ebx: 0xFFFF_FFFF, ecx: 0xFFFF_FFFF, edx: 0xFFFF_FFFF))
    }

    @Test(arguments: [
        "Hyper-V: Host Build 10.2.20348.1970-7",
        "Hyper-V: Host Build 10.2.20348-1970-7-3",
        "Hyper-V: Host Build 20348-10.2-7-3.1970",
        "Hyper-V Host Build:10.2.20348.1970-7-3",
        "Hyper-V: Host Build 10.2.20348.1970-7-3x",
    ])
    func wrongShapesGiveNothing(_ line: String) {
        #expect(parseLog(line).hostVersion == nil)
    }
}
