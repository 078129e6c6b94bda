import Testing

@testable import HyperVKit

/// Issue 12: every common spelling of an address goes, and what only looks like one stays (a
/// snapshot must still decode: versions, GUIDs, registers, times, counters, PCI addresses).
@Suite struct TextScrubberTests {
    private func scrub(_ text: String, learning words: [String] = []) -> String {
        var redactor = Redactor(enabled: true)
        for word in words { redactor.learn(word) }
        return String(decoding: redactor.text(Array(text.utf8), path: "x"), as: UTF8.self)
    }

    @Test(arguments: [
        ("src 10.0.0.4 dst 168.63.129.16.", "src REDACTED dst REDACTED."),
        ("ip=10.1.2.3::10.1.2.1:255.255.255.0:vm:eth0:off", "ip=REDACTED::REDACTED:REDACTED:vm:eth0:off"),
        ("inet6 fe80::215:5dff:fe01:203/64 scope link", "inet6 REDACTED scope link"),
        ("addr 2001:db8::1, gw 2001:0db8:0000:0000:0000:ff00:0042:8329", "addr REDACTED, gw REDACTED"),
        ("mapped ::ffff:192.0.2.128 ok", "mapped REDACTED ok"),
        ("link fe80::1%eth0 up", "link REDACTED up"),
        ("cisco 0015.5d01.0203 bare 00155d010203 end", "cisco REDACTED bare REDACTED end"),
        ("BARE 00155D0A0B0C", "BARE REDACTED"),
    ])
    func removesAddresses(_ text: String, _ expected: String) {
        #expect(scrub(text) == expected)
    }

    @Test(arguments: [
        "Hyper-V: Host Build 10.0.20348.2762-2-0",
        "hv_vmbus: Vmbus version:5.3",
        "Mar  3 09:14:07 kernel",
        "eax=0x4000000c ebx=0x7263694d",
        "vmbus:635161f83edfc546913ff2d2f965ed0e",
        "hv_netvsc 000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c eth0",
        "interrupts 123456789012",
        "pci 0000:00:08.0: [1414:0001]",
        "scsi 0:0:0:0: Direct-Access",
        "std::vector and 1.2.3.4.5",
        "clocksource: mask: 0xffffffffffffffff max_cycles: 0x24e6a1710",
        "ratio ab:cd:ef is text",
    ])
    func leavesLookAlikesAlone(_ text: String) {
        #expect(scrub(text) == text)
    }

    /// Letter case is ignored in every script, not only ASCII.
    @Test func matchesNamesInAnyCase() {
        let text = "host ÜNÏCODE-WEB01 and ünïcode-web01.example and Ünïcode-Web01x stays"
        #expect(
            scrub(text, learning: ["Ünïcode-Web01"]) == "host REDACTED and REDACTED.example and Ünïcode-Web01x stays")
        #expect(scrub("ΣΟΦΙΑ-01 σοφια-01", learning: ["Σοφια-01"]) == "REDACTED REDACTED")
    }

    /// The VM ID goes in both byte orders (SMBIOS swaps the first three fields), with and without
    /// dashes and braces, in any case.
    @Test func removesEverySpellingOfALearntGUID() {
        let id = "4F6C2E1A-93D7-4B0E-A5C8-2D71E9B04F3A"
        let spellings = [
            "{4f6c2e1a-93d7-4b0e-a5c8-2d71e9b04f3a}", "4F6C2E1A93D74B0EA5C82D71E9B04F3A",
            "1a2e6c4f-d793-0e4b-a5c8-2d71e9b04f3a", "1A2E6C4FD7930E4BA5C82D71E9B04F3A",
        ]
        for spelling in spellings {
            #expect(
                scrub("id \(spelling) end", learning: [id])
                    == "id \(spelling.hasPrefix("{") ? "{REDACTED}" : "REDACTED") end")
        }
    }

    @Test(arguments: [
        ("<6>1 2026-03-03T09:14:07.123456+00:00 web02 kernel - - - hv_vmbus: Vmbus version:5.3", "web02"),
        ("1 2026-03-03T09:14:07Z db-9.contoso.example kernel - - - x", "db-9.contoso.example"),
        ("<14>1 - edge7 kernel 123 - - x", "edge7"),
    ])
    func findsRFC5424Hosts(_ line: String, _ host: String) {
        #expect(Redactor.syslogHost(line) == host)
    }

    @Test func customKVPKeysGoStandardKeysStay() throws {
        func record(_ key: String, _ value: String) -> [UInt8] {
            Array(key.utf8) + [UInt8](repeating: 0, count: KVPPool.keySize - key.utf8.count) + Array(value.utf8)
                + [UInt8](repeating: 0, count: KVPPool.valueSize - value.utf8.count)
        }
        var redactor = Redactor(enabled: true)
        let bytes = record("HostName", "hv-host-12") + record("ContosoTenant", "tenant-44")
        let redacted = redactor.kvpPool(bytes, path: "p")
        let out = try #require(redacted)
        let pool = try KVPPool.decode(out).get()
        #expect(pool.records.map(\.key) == ["HostName", "REDACTED"])
        #expect(pool.records.map(\.value) == ["REDACTED", "REDACTED"])
        #expect(redactor.list == ["p: 2 values, 1 non-standard key"])
    }
}
