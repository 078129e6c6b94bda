import Foundation
import Testing

@testable import HyperVKit

/// What a capture removes by default (issue 6): MAC addresses, names, KVP values, DMI serials.
@Suite struct RedactorTests {
    func scrub(_ text: String, learning words: [String] = []) -> (String, [String]) {
        var redactor = Redactor(enabled: true)
        for word in words { redactor.learn(word) }
        let out = redactor.text(Array(text.utf8), path: "x")
        return (String(decoding: out, as: UTF8.self), redactor.list)
    }

    @Test(arguments: [
        ("eth0: HWaddr 00:15:5d:01:02:03, up", "eth0: HWaddr REDACTED, up"),
        ("permanent address 00-15-5D-0A-0B-0C\n", "permanent address REDACTED\n"),
        ("00:0d:3a:7c:3c:9a", "REDACTED"),
        ("two 00:15:5d:01:02:03 and 60:45:bd:3e:91:c2", "two REDACTED and REDACTED"),
    ])
    func removesMACAddresses(_ text: String, _ expected: String) {
        let (out, notes) = scrub(text)
        #expect(out == expected)
        #expect(notes.count == 1 && notes[0].hasPrefix("x: ") && notes[0].contains("MAC address"))
    }

    /// A GUID (8-4-4-4-12), a longer run of hex pairs (an InfiniBand address), mixed separators and
    /// a clock are not MAC addresses.
    @Test(arguments: [
        "000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c",
        "80:00:02:08:fe:80:00:00:00:00:00:00:00:15:5d:ff:fd:34:32:01",
        "00:15-5d:01:02:03",
        "09:14:07",
        "0x10004",
    ])
    func leavesOtherHexAlone(_ text: String) {
        #expect(scrub(text).0 == text)
    }

    @Test func removesLearntNamesWhereTheyStandAlone() {
        let (out, notes) = scrub(
            "host web01.contoso.com (web01) not web012 or myweb01", learning: ["web01", "web01.contoso.com"])
        #expect(out == "host REDACTED (REDACTED) not web012 or myweb01")
        #expect(notes == ["x: 2 host, VM or serial names"])
    }

    /// Names too short, or that are words of the messages the parser decodes, are not learnt:
    /// removing them would break the very log support needs.
    @Test func doesNotLearnShortOrProtectedWords() {
        var redactor = Redactor(enabled: true)
        for word in ["vm", "host", "Hyper-V", "vmbus", "features", "  "] { redactor.learn(word) }
        #expect(redactor.words.isEmpty)
        redactor.learn("  build-agent-7\n")
        #expect(redactor.words == [Array("build-agent-7".utf8)])
    }

    @Test(arguments: [
        ("Mar  3 09:14:07 web01 kernel: [    0.000000] Hypervisor detected: Microsoft Hyper-V", "web01"),
        ("2024-03-03T09:14:07.123456+00:00 db-7 kernel: hv_vmbus: Vmbus version:5.3", "db-7"),
        ("Mar 03 09:14:07 edge kernel[0]: clocksource: Switched to clocksource tsc", "edge"),
    ])
    func findsTheSyslogHost(_ line: String, _ host: String) {
        #expect(Redactor.syslogHost(line) == host)
    }

    @Test(arguments: [
        "[    0.000000] Hypervisor detected: Microsoft Hyper-V",
        "6,123,456,-;hv_vmbus: Vmbus version:5.3",
        "kernel: hv_vmbus: Vmbus version:5.3",
    ])
    func findsNoHostWithoutASyslogPrefix(_ line: String) {
        #expect(Redactor.syslogHost(line) == nil)
    }

    /// The pasted-log fixture's syslog prefixes lose the host name, and the log decodes as before.
    @Test func redactsTheHostOfAPastedSyslog() throws {
        let lines = try SnapshotMachine(path: CaptureFixtures.path("pasted-log")).kernelLog().get()
        var redactor = Redactor(enabled: true)
        redactor.learnSyslogHosts(lines)
        let text = String(decoding: redactor.kernelLog(lines, path: "kernel.log"), as: UTF8.self)
        #expect(!text.contains("web01"))
        #expect(text.contains("09:14:07 REDACTED kernel: "))
        #expect(redactor.list.count == 1)
        #expect(redactor.list[0].hasPrefix("kernel.log: host name in 18 syslog prefixes"))
        let redacted = try KernelLogText.lines(Array(text.utf8)).get()
        var before = KernelLogParser.parse(lines)
        var after = KernelLogParser.parse(redacted)
        #expect(after.evidence == before.evidence)
        before.evidence = []
        after.evidence = []
        #expect(before == after)
    }

    /// Reference §11.1: 512-byte keys, 2048-byte values. Every value goes, every standard key stays,
    /// and the host and VM names are learnt so they go from everything else too.
    @Test func redactsEveryKVPValueKeepingTheStandardKeys() throws {
        let machine = try SnapshotMachine(path: CaptureFixtures.path("azure-d8ds-v5"))
        let bytes = try machine.file(at: KVPPool.hostPoolPath).get()
        let original = try KVPPool.decode(bytes).get()
        var redactor = Redactor(enabled: true)
        let redactedBytes = redactor.kvpPool(bytes, path: "var/lib/hyperv/.kvp_pool_3")
        let out = try #require(redactedBytes)
        #expect(out.count == bytes.count)
        let redacted = try KVPPool.decode(out).get()
        #expect(redacted.records.map(\.key) == original.records.map(\.key))
        #expect(redacted.records.allSatisfy { $0.value == "REDACTED" })
        #expect(redactor.list == ["var/lib/hyperv/.kvp_pool_3: \(original.records.count) values"])
        #expect(original.records.allSatisfy { Redactor.standardKVPKeys.contains($0.key) })
        let host = try #require(original.value(for: "PhysicalHostNameFullyQualified"))
        let scrubbed = redactor.text(Array("host \(host) here".utf8), path: "y")
        #expect(String(decoding: scrubbed, as: UTF8.self) == "host REDACTED here")
    }

    @Test func aFileThatIsNotAPoolIsLeftOut() {
        var redactor = Redactor(enabled: true)
        #expect(redactor.kvpPool([1, 2, 3], path: "p") == nil)
        #expect(redactor.list == ["p: left out (not a whole number of KVP records)"])
    }

    @Test func redactsAWholeValueKeepingTheNewline() {
        var redactor = Redactor(enabled: true)
        #expect(redactor.wholeValue(Array("1234-5678\n".utf8), path: "s") == Array("REDACTED\n".utf8))
        #expect(redactor.wholeValue(Array("\n".utf8), path: "t") == Array("\n".utf8))
        #expect(redactor.list == ["s: value"])
    }

    @Test func aDisabledRedactorChangesNothing() {
        var redactor = Redactor(enabled: false)
        redactor.learn("web01")
        let text = Array("web01 00:15:5d:01:02:03".utf8)
        #expect(redactor.text(text, path: "x") == text)
        #expect(redactor.kvpPool([1, 2, 3], path: "p") == [1, 2, 3])
        #expect(redactor.list.isEmpty)
    }
}
