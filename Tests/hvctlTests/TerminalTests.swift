import Testing

@testable import hvctl

/// Colour only when stdout is a TTY, NO_COLOR is unset and TERM is not dumb; --color overrides
/// (docs/architecture.md, "Reports and output"; https://no-color.org).
@Suite struct TerminalTests {
    @Test func autoFollowsTheTerminalAndTheEnvironment() {
        #expect(Terminal.wantsColor(.auto, isTTY: true, environment: ["TERM": "xterm-256color"]))
        #expect(!Terminal.wantsColor(.auto, isTTY: false, environment: ["TERM": "xterm-256color"]))
        #expect(!Terminal.wantsColor(.auto, isTTY: true, environment: ["TERM": "xterm", "NO_COLOR": "1"]))
        #expect(Terminal.wantsColor(.auto, isTTY: true, environment: ["TERM": "xterm", "NO_COLOR": ""]))
        #expect(!Terminal.wantsColor(.auto, isTTY: true, environment: ["TERM": "dumb"]))
    }

    @Test func theFlagOverrides() {
        #expect(Terminal.wantsColor(.always, isTTY: false, environment: ["NO_COLOR": "1"]))
        #expect(!Terminal.wantsColor(.never, isTTY: true, environment: [:]))
    }

    /// Issue 14: a KVP host name in Japanese takes two columns a character; the next column
    /// still starts where the heading's does.
    @Test func wideCharactersKeepColumnsAligned() {
        var table = Table(columns: [Table.Column("HOST"), Table.Column("BUILD")])
        table.append([Table.Cell("ホスト1"), Table.Cell("20348")])
        table.append([Table.Cell("host2"), Table.Cell("17763")])
        #expect(table.render() == "HOST     BUILD\nホスト1  20348\nhost2    17763\n")
    }

    @Test func stylesNeverSkewColumns() {
        var table = Table(columns: [Table.Column("A"), Table.Column("B")])
        table.append([Table.Cell("yes", .green), Table.Cell("x")])
        table.append([Table.Cell("no", .red), Table.Cell("y")])
        let plain = table.render(color: false)
        let coloured = table.render(color: true)
        #expect(plain == "A    B\nyes  x\nno   y\n")
        let stripped = coloured.replacing(/\u{1B}\[[0-9;]*m/, with: "")
        #expect(stripped == plain)
    }

    @Test func noTrailingSpaces() {
        var table = Table(columns: [Table.Column("NAME"), Table.Column("VALUE")])
        table.append([Table.Cell("long name here"), Table.Cell("")])
        for line in table.render().split(separator: "\n") { #expect(line.last != " ") }
    }

    /// The built binary in a pipe prints no escape codes unless asked to.
    @Test func pipedOutputIsPlainUnlessForced() throws {
        let plain = try CommandHarness.runBinary(["--snapshot", FixturePaths.snapshot("azure-d8ds-v5"), "features"])
        #expect(!plain.stdout.contains("\u{1B}["))
        let forced = try CommandHarness.runBinary([
            "--snapshot", FixturePaths.snapshot("azure-d8ds-v5"), "features", "--color", "always",
        ])
        #expect(forced.stdout.contains("\u{1B}["))
    }
}
