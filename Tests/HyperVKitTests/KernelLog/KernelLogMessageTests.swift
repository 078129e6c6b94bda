import Foundation
import Testing

@testable import HyperVKit

/// The message table itself: every format compiles, and a line printed from it is recognised as
/// that message and no other.
@Suite struct KernelLogMessageTests {
    /// Fills a format's placeholders the way printk would.
    static func printed(_ format: String) -> String {
        format
            .replacingOccurrences(of: "{hv}", with: "Hyper-V")
            .replacingOccurrences(of: "{x}", with: "0x1f")
            .replacingOccurrences(of: "{h}", with: "60001")
            .replacingOccurrences(of: "{d}", with: "1")
            .replacingOccurrences(of: "{w}", with: "name")
            .replacingOccurrences(of: "{g}", with: "6e382d18-3336-4f4b-acc4-2b7703d4df4a")
            .replacingOccurrences(of: "{r}", with: "Some Text")
            .replacingOccurrences(of: "~", with: "")
    }

    @Test(arguments: KernelLogMessage.allCases)
    func formatCompilesWithoutLeftovers(_ message: KernelLogMessage) {
        let pattern = LogPattern(message.format)
        #expect(!pattern.tokens.contains(.literal(UInt8(ascii: "{"))))
        #expect(pattern.lead.count == 3)
    }

    @Test(arguments: KernelLogMessage.allCases)
    func printedLineIsRecognisedAsItsMessage(_ message: KernelLogMessage) throws {
        let line = Self.printed(message.format)
        let recognized = try #require(KernelLogRecognizer.recognize([Array(line.utf8)], at: 0))
        #expect(recognized.message == message)
        #expect(recognized.text == line)
        #expect(recognized.continuationLines == 0)
    }
}
