extension StringProtocol {
    /// The text without leading and trailing spaces, tabs, carriage returns and newlines: the one
    /// trim hvctl applies to what it reads (sysfs values, dump lines, tar header fields, options).
    public func trimmingWhitespace() -> Substring {
        var slice = Substring(self)
        while let first = slice.first, Self.isTrimmed(first) { slice.removeFirst() }
        while let last = slice.last, Self.isTrimmed(last) { slice.removeLast() }
        return slice
    }

    private static func isTrimmed(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\r" || character == "\n" || character == "\r\n"
    }
}
