import Testing

@testable import HyperVKit

/// Every named bit of the reference tables (`ReferenceBitTables`), decoded from a register with
/// only that bit set.
@Suite struct LeafBitTests {
    @Test(arguments: ReferenceBitTables.all)
    func onlyThatBitIsSet(_ expected: NamedBit) throws {
        var registers = RegisterSet(eax: 0, ebx: 0, ecx: 0, edx: 0)
        registers[expected.register] = UInt32(1) << UInt32(expected.bit)
        let leaf = LeafDecoder.decode(leaf: expected.leaf, registers: registers, architecture: expected.architecture)
        let decoded = try #require(leaf.register(expected.register))
        let set = decoded.flags.filter(\.set)
        #expect(set.map(\.name) == [expected.name])
        #expect(set.map(\.bit) == [expected.bit])
        #expect(decoded.unknownSetBits.isEmpty)
    }

    @Test(arguments: ReferenceBitTables.all)
    func linuxMacroMatchesTheReference(_ expected: NamedBit) throws {
        let layout = try #require(LeafCatalog.layout(for: expected.leaf, architecture: expected.architecture))
        let flag = try #require(layout.registers[expected.register]?.flags.first { $0.bit == expected.bit })
        #expect(flag.linuxMacro == expected.linuxMacro)
    }

    /// The catalogue names no bit the reference does not: the layout's flags are exactly the table's.
    @Test(arguments: [Architecture.x86_64, .aarch64])
    func catalogueHasExactlyTheReferenceBits(_ architecture: Architecture) {
        for leaf in LeafCatalog.knownLeaves {
            let layout = LeafCatalog.layout(for: leaf, architecture: architecture)
            for register in Register.allCases {
                let table = ReferenceBitTables.registers.first {
                    $0.leaf == leaf && $0.register == register && $0.arch == architecture
                }
                let expected = (table?.rows ?? []).map { "\($0.bit) \($0.name)" }
                let actual = (layout?.registers[register]?.flags ?? []).map { "\($0.bit) \($0.name)" }
                #expect(actual == expected, "0x\(String(leaf, radix: 16)) \(register) \(architecture)")
            }
        }
    }

    /// Every flag decodes, set or not, in bit order (docs/json-schema.md, REG: "every known flag, set or not").
    @Test func everyFlagIsListedSetOrNot() throws {
        let leaf = LeafDecoder.decode(
            leaf: 0x4000_0003, registers: RegisterSet(eax: 0x2E7F, ebx: 0, ecx: 0, edx: 0), architecture: .x86_64)
        let eax = try #require(leaf.register(.eax))
        #expect(eax.flags.map(\.bit) == Array(0...15))
        // 0x2E7F = bits 0-6, 9-11, 13.
        #expect(eax.flags.filter(\.set).map(\.bit) == [0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 13])
        #expect(eax.flag("AccessVpRunTimeReg") == true)
        #expect(eax.flag("AccessStatsReg") == false)
        #expect(eax.flag("NoSuchFlag") == nil)
        let ebx = try #require(leaf.register(.ebx))
        #expect(ebx.flags.count == ReferenceBitTables.leaf3EBX.count)
        #expect(ebx.flags.allSatisfy { !$0.set })
    }

    /// §1.13: the arm64 misc word is not the x86 EDX; guest crash registers are bit 8 there, bit 10 on x86.
    @Test func arm64MiscDiffersFromX86() throws {
        let registers = RegisterSet(eax: 0, ebx: 0, ecx: nil, edx: 1 << 8)
        let arm = try #require(
            LeafDecoder.decode(leaf: 0x4000_0003, registers: registers, architecture: .aarch64).register(.edx))
        let x86 = try #require(
            LeafDecoder.decode(leaf: 0x4000_0003, registers: registers, architecture: .x86_64).register(.edx))
        #expect(arm.flag("GuestCrashRegsAvailable") == true)
        #expect(x86.flag("GuestCrashRegsAvailable") == false)
        #expect(x86.flag("FrequencyRegsAvailable") == true)
        let x86Crash = try #require(
            LeafDecoder.decode(leaf: 0x4000_0003, registers: RegisterSet(edx: 1 << 10), architecture: .x86_64)
                .register(.edx))
        #expect(x86Crash.flag("GuestCrashRegsAvailable") == true)
    }

    /// §1.13: arm64 hints bit 4 is Nested; on x86 bit 4 is the reset recommendation and Nested is bit 12.
    @Test func arm64HintsDifferFromX86() throws {
        let arm = try #require(
            LeafDecoder.decode(leaf: 0x4000_0004, registers: RegisterSet(eax: 1 << 4), architecture: .aarch64)
                .register(.eax))
        let x86 = try #require(
            LeafDecoder.decode(leaf: 0x4000_0004, registers: RegisterSet(eax: 1 << 4), architecture: .x86_64)
                .register(.eax))
        #expect(arm.flag("Nested") == true)
        #expect(x86.flag("Nested") == false)
        #expect(x86.flag("UseHvRegisterForReset") == true)
    }
}
