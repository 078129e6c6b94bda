/// What a configuration file may hold, for TOML and JSON alike (issue 12): a configuration of
/// `hvctl health` has three levels and a few dozen keys, so these bounds are far above any real
/// file and far below what makes a parser recurse out of its stack or run for seconds.
public enum ConfigLimits {
    /// Bytes, checked with fstat before the file is read.
    public static let maxBytes = 1 << 20
    /// Nesting of tables, inline tables, arrays and dotted keys.
    public static let maxDepth = 32
    /// Keys, table headers and array items together.
    public static let maxEntries = 10_000
}
