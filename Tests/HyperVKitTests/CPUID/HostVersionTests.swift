import Testing

@testable import HyperVKit

@Suite struct HostVersionTests {
    /// The worked example of reference §1.3: EAX=0x4F7C, EBX=0x000A0000, ECX=0, EDX=0xA8C prints
    /// `Hyper-V: Host Build 10.0.20348.2700-0-0`.
    @Test func decodesTheReferenceExample() {
        let version = HostVersion(eax: 0x4F7C, ebx: 0x000A_0000, ecx: 0, edx: 0x0000_0A8C)
        #expect(version.build == 20348)
        #expect(version.major == 10)
        #expect(version.minor == 0)
        #expect(version.servicePack == 0)
        #expect(version.serviceBranch == 0)
        #expect(version.serviceNumber == 2700)
        #expect(version.linuxString == "10.0.20348.2700-0-0")
    }

    /// EDX[31:24] is the service branch, EDX[23:0] the service number.
    @Test func splitsEDXIntoBranchAndNumber() {
        let version = HostVersion(eax: 14393, ebx: 0x000A_0000, ecx: 3, edx: 0x0500_0F00)
        #expect(version.serviceBranch == 5)
        #expect(version.serviceNumber == 0xF00)
        #expect(version.servicePack == 3)
        #expect(version.registers == RegisterSet(eax: 14393, ebx: 0x000A_0000, ecx: 3, edx: 0x0500_0F00))
    }
}
