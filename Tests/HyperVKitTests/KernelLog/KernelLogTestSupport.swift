@testable import HyperVKit

/// Parses the given lines, as a test's shorthand.
func parseLog(_ lines: String...) -> KernelLogFacts {
    KernelLogParser.parse(lines)
}
