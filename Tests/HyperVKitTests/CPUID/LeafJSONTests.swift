import Foundation
import Testing

@testable import HyperVKit

/// The `leaves` and summary objects of `hvctl features --json`, checked against docs/json-schema.md
/// by reading the produced JSON back with JSONSerialization.
@Suite struct LeafJSONTests {
    /// What hvctl prints: the one writer, where an absent optional is `null`.
    func json<Value: Encodable>(_ value: Value) throws -> [String: Any] {
        let data = Data(try JSONOutput.bytes(value))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The keys `value` writes directly below `prefix`, in the order `encode(to:)` writes them.
    func keys<Value: Encodable>(_ value: Value, under prefix: String = "") throws -> [String] {
        KeyOrderRecorder.children(of: prefix, in: try KeyOrderRecorder.paths(of: value))
    }

    @Test func leafShape() throws {
        let leaf = LeafDecoder.decode(
            leaf: 0x4000_0003, registers: RegisterSet(eax: 0x0100_2E7F, ebx: 0x003B_8030, ecx: nil, edx: 0x000B_EDB2),
            architecture: .x86_64)
        let object = try json(leaf)
        #expect(Set(object.keys) == ["leaf", "name", "registers"])
        #expect(object["leaf"] as? String == "0x40000003")
        #expect(object["name"] as? String == "Features")
        let registers = try #require(object["registers"] as? [String: Any])
        #expect(Set(registers.keys) == ["eax", "ebx", "ecx", "edx"])
        #expect(registers["ecx"] is NSNull)
        #expect(try keys(leaf) == ["leaf", "name", "registers"])
        #expect(try keys(leaf, under: "registers") == ["eax", "ebx", "ecx", "edx"])

        let eax = try #require(registers["eax"] as? [String: Any])
        #expect(Set(eax.keys) == ["raw", "flags", "fields", "unknown_set_bits"])
        #expect(eax["raw"] as? String == "0x01002e7f")
        #expect(eax["unknown_set_bits"] as? [Int] == [24])
        #expect((eax["fields"] as? [String: Any])?.isEmpty == true)
        let flags = try #require(eax["flags"] as? [[String: Any]])
        #expect(flags.count == 16)
        let first = try #require(flags.first)
        #expect(Set(first.keys) == ["bit", "name", "set"])
        #expect(first["bit"] as? Int == 0)
        #expect(first["name"] as? String == "AccessVpRunTimeReg")
        #expect(first["set"] as? Bool == true)
        #expect(flags[8]["set"] as? Bool == false)
        #expect(try keys(leaf, under: "registers.eax") == ["raw", "flags", "fields", "unknown_set_bits"])
        #expect(try keys(leaf, under: "registers.eax.flags.0") == ["bit", "name", "set"])
    }

    /// Fields are numbers, keyed by name, in layout order.
    @Test func fieldsAreNumbersInLayoutOrder() throws {
        let leaf = LeafDecoder.decode(
            leaf: 0x4000_0002, registers: RegisterSet(eax: 0x4F7C, ebx: 0x000A_0000, ecx: 0, edx: 0x0500_0A8C),
            architecture: .x86_64)
        let object = try json(leaf)
        let registers = try #require(object["registers"] as? [String: Any])
        let ebx = try #require((registers["ebx"] as? [String: Any])?["fields"] as? [String: Any])
        #expect(ebx["major_version"] as? Int == 10)
        #expect(ebx["minor_version"] as? Int == 0)
        let edx = try #require((registers["edx"] as? [String: Any])?["fields"] as? [String: Any])
        #expect(edx["service_branch"] as? Int == 5)
        #expect(edx["service_number"] as? Int == 2700)
        #expect(try keys(leaf, under: "registers.ebx.fields") == ["major_version", "minor_version"])
        #expect(try keys(leaf, under: "registers.edx.fields") == ["service_branch", "service_number"])
        #expect((registers["eax"] as? [String: Any])?["raw"] as? String == "0x00004f7c")
    }

    /// The JSON decodes back to the same value (docs/architecture.md: "The JSON decodes back").
    @Test func leafRoundTrips() throws {
        for leaf in LeafDecoder.decode(leaves: SummaryFixtures.guest, architecture: .x86_64) {
            let data = Data(try JSONOutput.bytes(leaf))
            #expect(try JSONDecoder().decode(DecodedLeaf.self, from: data) == leaf)
        }
        let partial = LeafDecoder.decode(leaf: 0x4000_0004, registers: RegisterSet(eax: 0xE24), architecture: .aarch64)
        #expect(try JSONDecoder().decode(DecodedLeaf.self, from: Data(JSONOutput.bytes(partial))) == partial)
    }

    @Test func summaryShape() throws {
        let s = HypervisorSummary.make(leaves: SummaryFixtures.guest, hypervisorPresentBit: true, architecture: .x86_64)
        let object = try json(s)
        #expect(try keys(s) == ["hypervisor", "host", "partition", "isolation", "nested", "limits"])
        #expect(try keys(s, under: "hypervisor") == ["present", "vendor", "interface", "is_hyperv", "max_leaf"])
        #expect(
            try keys(s, under: "host")
                == ["build", "major", "minor", "service_pack", "service_branch", "service_number", "release"])
        let hypervisor = try #require(object["hypervisor"] as? [String: Any])
        #expect(Set(hypervisor.keys) == ["present", "vendor", "interface", "is_hyperv", "max_leaf"])
        #expect(hypervisor["vendor"] as? String == "Microsoft Hv")
        #expect(hypervisor["interface"] as? String == "Hv#1")
        #expect(hypervisor["is_hyperv"] as? Bool == true)
        #expect(hypervisor["max_leaf"] as? String == "0x4000000c")
        let host = try #require(object["host"] as? [String: Any])
        #expect(
            Set(host.keys)
                == ["build", "major", "minor", "service_pack", "service_branch", "service_number", "release"])
        #expect(host["build"] as? Int == 20348)
        #expect(host["service_number"] as? Int == 2700)
        #expect(host["release"] as? String == "Windows Server 2022 (LTSC 2022)")
        #expect((object["partition"] as? [String: Any])?["role"] as? String == "child")
        let isolation = try #require(object["isolation"] as? [String: Any])
        #expect(Set(isolation.keys) == ["type", "paravisor", "shared_gpa_boundary_bits"])
        #expect(isolation["type"] as? String == "none")
        #expect(isolation["paravisor"] is NSNull)
        #expect(isolation["shared_gpa_boundary_bits"] is NSNull)
        #expect(object["nested"] as? Bool == false)
        let limits = try #require(object["limits"] as? [String: Any])
        #expect(limits["max_virtual_processors"] as? Int == 2048)
        #expect(limits["max_logical_processors"] as? Int == 512)
        #expect(try JSONDecoder().decode(HypervisorSummary.self, from: Data(JSONOutput.bytes(s))) == s)
    }

    /// What a source cannot tell is null, never left out and never a default.
    @Test func unknownSummaryValuesAreNull() throws {
        let s = HypervisorSummary.make(leaves: [:], hypervisorPresentBit: nil, architecture: .aarch64)
        let object = try json(s)
        #expect(object["host"] is NSNull)
        #expect(object["nested"] is NSNull)
        let hypervisor = try #require(object["hypervisor"] as? [String: Any])
        #expect(hypervisor["vendor"] is NSNull)
        #expect(hypervisor["interface"] is NSNull)
        #expect(hypervisor["max_leaf"] is NSNull)
        #expect(hypervisor["present"] as? Bool == false)
        #expect((object["partition"] as? [String: Any])?["role"] is NSNull)
        #expect((object["isolation"] as? [String: Any])?["type"] is NSNull)
        #expect((object["limits"] as? [String: Any])?["max_virtual_processors"] is NSNull)
        #expect(try JSONDecoder().decode(HypervisorSummary.self, from: Data(JSONOutput.bytes(s))) == s)
    }
}
