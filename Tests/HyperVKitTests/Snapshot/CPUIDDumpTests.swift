import Testing

@testable import HyperVKit

@Suite struct CPUIDDumpTests {
    /// The example block of docs/snapshot-format.md: "Microsoft Hv" in EBX/ECX/EDX (reference §1.1).
    let sample = """
        CPU 0:
           0x40000000 0x00: eax=0x4000000c ebx=0x7263694d ecx=0x666f736f edx=0x76482074
           0x40000001 0x00: eax=0x31237648 ebx=0x00000000 ecx=0x00000000 edx=0x00000000
        CPU 1:
           0x40000000 0x00: eax=0x4000000b ebx=0x7263694d ecx=0x666f736f edx=0x76482074

        """

    @Test func parsesBlocksPerCPU() throws {
        let dump = try CPUIDDump.parse(sample).get()
        #expect(dump.registers(leaf: 0x4000_0000, subleaf: 0, cpu: 0)?.eax == 0x4000_000C)
        #expect(dump.registers(leaf: 0x4000_0000, subleaf: 0, cpu: 0)?.ebx == 0x7263_694D)
        #expect(dump.registers(leaf: 0x4000_0001, subleaf: 0, cpu: 0)?.eax == 0x3123_7648)
        #expect(dump.registers(leaf: 0x4000_0000, subleaf: 0, cpu: 1)?.eax == 0x4000_000B)
        #expect(dump.registers(leaf: 0x4000_0001, subleaf: 0, cpu: 1) == nil)
    }

    @Test func headerWithoutNumberIsCPU0() throws {
        let dump = try CPUIDDump.parse("CPU:\n   0x00000000 0x00: eax=0x1 ebx=0x2 ecx=0x3 edx=0x4\n").get()
        #expect(dump.registers(leaf: 0, subleaf: 0, cpu: 0) == CPUIDRegisters(eax: 1, ebx: 2, ecx: 3, edx: 4))
    }

    @Test func renderRoundTrips() throws {
        let dump = try CPUIDDump.parse(sample).get()
        #expect(try CPUIDDump.parse(dump.render()).get() == dump)
        #expect(dump.render().hasPrefix("CPU 0:\n   0x40000000 0x00: eax=0x4000000c ebx=0x7263694d"))
    }

    @Test(arguments: [
        "CPU x:\n",
        "CPU 0:\n   0x40000000 0x00 eax=0x1 ebx=0x2 ecx=0x3 edx=0x4\n",
        "CPU 0:\n   0x40000000 0x00: eax=0x1 ebx=0x2 ecx=0x3\n",
        "CPU 0:\n   0x400000000 0x00: eax=0x1 ebx=0x2 ecx=0x3 edx=0x4\n",
        "CPU 0:\n   0x40000000 0x00: eax=0xZZ ebx=0x2 ecx=0x3 edx=0x4\n",
        "garbage\n",
    ])
    func rejectsMalformedLinesWithTheirNumber(_ text: String) {
        guard case .failure(.invalid(let why)) = CPUIDDump.parse(text) else {
            Issue.record("accepted \(text.debugDescription)")
            return
        }
        #expect(why.hasPrefix("line "))
    }
}
