/// The physical lines of a kernel log, as bytes, ready for matching.
///
/// Callers usually pass one string per line, but a string holding several lines (a whole pasted
/// log) is split on `\n` here too. Each line loses a trailing `\r` (CRLF logs) and trailing spaces.
/// A kernel message is at most about 1 KiB (`CONSOLE_LOG_MAX` in `kernel/printk/printk.c`), and
/// syslog or journal prefixes add little, so only the first `maxLineBytes` of a line are kept:
/// a megabyte-long line is junk, and reading only its start keeps parsing linear in the input.
struct KernelLogLines {
    static let maxLineBytes = 4096

    /// The lines, trimmed and truncated.
    private(set) var lines: [[UInt8]] = []
    /// The 1-based numbers and full lengths of the lines that were truncated.
    private(set) var truncated: [(line: Int, length: Int)] = []

    init(_ strings: [String]) {
        for string in strings {
            let utf8 = string.utf8
            if !utf8.contains(0x0A) {
                append(utf8.prefix(Self.maxLineBytes), length: utf8.count)
                continue
            }
            for piece in utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
                append(piece.prefix(Self.maxLineBytes), length: piece.count)
            }
        }
    }

    private mutating func append<Bytes: Collection<UInt8>>(_ bytes: Bytes, length: Int) {
        var line = Array(bytes)
        while let last = line.last, last == 0x0D || ASCII.isSpace(last) { line.removeLast() }
        lines.append(line)
        if length > Self.maxLineBytes { truncated.append((lines.count, length)) }
    }

    /// A line that continues a wrapped one: without the indentation and the `>` quote marks a mail
    /// client adds.
    static func continuation(_ line: [UInt8]) -> ArraySlice<UInt8> {
        var start = 0
        while start < line.count, ASCII.isSpace(line[start]) || line[start] == UInt8(ascii: ">") { start += 1 }
        return line[start...]
    }
}
