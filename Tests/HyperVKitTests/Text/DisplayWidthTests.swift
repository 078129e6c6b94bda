import Testing

@testable import HyperVKit

/// Issue 14: tables are aligned by terminal columns. Widths as xterm, VTE and wcwidth() give them.
@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("nic", 3),
        ("ホスト", 6),  // Katakana: two columns each
        ("服务器", 6),  // CJK ideographs
        ("e\u{301}", 1),  // e + COMBINING ACUTE ACCENT is one column
        ("Ａ", 2),  // FULLWIDTH LATIN CAPITAL A
        ("🖥", 2),  // emoji (U+1F5A5)
        ("a\u{200B}b", 2),  // ZERO WIDTH SPACE
        ("a\u{200D}b", 2),  // ZERO WIDTH JOINER (format character)
        ("Ω", 1),
        ("\r\n", 0),  // control characters take no column
    ])
    func columns(_ text: String, _ width: Int) {
        #expect(DisplayWidth.of(text) == width, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    /// A Character count is what was wrong: it differs from the columns for all but plain text.
    @Test func notTheCharacterCount() {
        #expect("ホスト".count == 3 && DisplayWidth.of("ホスト") == 6)
        #expect("\r\n".count == 1 && DisplayWidth.of("\r\n") == 0)
    }
}
