import Testing

@testable import HyperVLive

/// /dev/kmsg records as Documentation/ABI/testing/dev-kmsg and `msg_add_ext_text()`
/// (kernel/printk/printk.c) define them.
@Suite struct KmsgRecordTests {
    static func record(_ text: String) -> KmsgRecord? {
        KmsgRecord.parse(Array(text.utf8))
    }

    /// The ABI document's own example record.
    @Test func parsesTheHeaderFields() throws {
        let record = try #require(Self.record("6,339,5140900,-;NET: Registered protocol family 10\n"))
        #expect(record.priority == 6)
        #expect(record.facility == 0)  // LOG_KERN
        #expect(record.level == 6)  // KERN_INFO
        #expect(record.sequence == 339)
        #expect(record.microseconds == 5_140_900)
        #expect(record.flags == "-")
        #expect(record.message == "NET: Registered protocol family 10")
        #expect(record.properties.isEmpty)
        #expect(record.dmesgLines == ["[    5.140900] NET: Registered protocol family 10"])
    }

    /// A user-space message: `30` is facility 3 (LOG_DAEMON) with level 6.
    @Test func splitsFacilityAndLevel() throws {
        let record = try #require(Self.record("30,340,5690716,-;udevd[80]: starting version 181\n"))
        #expect(record.facility == 3)
        #expect(record.level == 6)
    }

    /// Continuation lines start with a space and carry KEY=value; `dmesg` does not print them.
    @Test func keepsContinuationLinesAsProperties() throws {
        let text = """
            7,160,424069,-;pci_root PNP0A03:00: host bridge window [io  0x0000-0x0cf7] (ignored)
             SUBSYSTEM=acpi
             DEVICE=+acpi:PNP0A03:00

            """
        let record = try #require(Self.record(text))
        #expect(record.level == 7)
        #expect(record.message == "pci_root PNP0A03:00: host bridge window [io  0x0000-0x0cf7] (ignored)")
        #expect(record.properties == ["SUBSYSTEM=acpi", "DEVICE=+acpi:PNP0A03:00"])
        #expect(
            record.dmesgLines == [
                "[    0.424069] pci_root PNP0A03:00: host bridge window [io  0x0000-0x0cf7] (ignored)"
            ])
    }

    /// Fields after the flags (`caller=T1` with CONFIG_PRINTK_CALLER) are ignored, as the ABI asks.
    @Test func ignoresExtraHeaderFields() throws {
        let line =
            "6,1,12,-,caller=T1;Hyper-V: privilege flags low 0x2e7f, high 0x3b8030, hints 0x64e24, misc 0xbed7b2\n"
        let record = try #require(Self.record(line))
        #expect(record.flags == "-")
        #expect(
            record.dmesgLines == [
                "[    0.000012] Hyper-V: privilege flags low 0x2e7f, high 0x3b8030, hints 0x64e24, misc 0xbed7b2"
            ])
    }

    /// The kernel escapes bytes below 0x20, from 0x7f up, and `\` as `\xHH`: an embedded newline gives
    /// two lines with the same stamp, a backslash and a tab come back, an escape character stays escaped
    /// as `dmesg` prints it.
    @Test func undoesEscapes() throws {
        let record = try #require(Self.record(#"4,7,1500000,-;line one\x0aline two\x5c\x09tab\x1b[31m"# + "\n"))
        #expect(record.message == "line one\nline two\\\ttab\\x1b[31m")
        #expect(record.dmesgLines == ["[    1.500000] line one", "[    1.500000] line two\\\ttab\\x1b[31m"])
    }

    /// Non-ASCII text arrives byte by byte escaped and is decoded as UTF-8.
    @Test func decodesEscapedUTF8() throws {
        let record = try #require(Self.record(#"6,2,1000000,-;caf\xc3\xa9"# + "\n"))
        #expect(record.message == "café")
    }

    /// A malformed escape is kept as is; a trailing newline inside the message adds no empty line.
    @Test func keepsMalformedEscapes() throws {
        let record = try #require(Self.record(#"6,3,0,c;bad \xZZ and \x4 end\x0a"# + "\n"))
        #expect(record.flags == "c")
        #expect(record.dmesgLines == [#"[    0.000000] bad \xZZ and \x4 end"#])
    }

    @Test func formatsTimestampsLikeDmesg() throws {
        #expect(try #require(Self.record("6,1,123456789012,-;x\n")).timestamp == "[123456.789012]")
        #expect(try #require(Self.record("6,1,99999,-;x\n")).timestamp == "[    0.099999]")
        #expect(try #require(Self.record("6,1,0,-;\n")).dmesgLines == ["[    0.000000]"])
    }

    @Test(arguments: ["no header at all\n", "6,1,-;three fields\n", "a,1,2,-;not a number\n", "6,,2,-;empty\n", ""])
    func refusesMalformedRecords(text: String) {
        #expect(Self.record(text) == nil)
    }

    /// syslog(2) READ_ALL prefixes every line with `<priority>` (`record_print_text()`).
    @Test func stripsSyslogPriorities() {
        let buffer = "<6>[    0.000000] Linux version 6.1.0\n<4>[    1.500000] a\\b\n[    2.0] bare\n<x>kept\n\n"
        #expect(
            DmesgText.syslogLines(Array(buffer.utf8)) == [
                "[    0.000000] Linux version 6.1.0", "[    1.500000] a\\b", "[    2.0] bare", "<x>kept", "",
            ])
    }

    @Test func escapesControlCharactersButNotTabs() {
        #expect(DmesgText.escapingControls("a\u{1B}b\tc\u{7F}") == "a\\x1bb\tc\\x7f")
        #expect(DmesgText.escapingControls("plain") == "plain")
    }
}
