import Foundation

/// The one place JSON is produced: pretty-printed, slashes unescaped, keys in the order each
/// report's `encode(to:)` writes them (reports never encode dictionaries, so output is stable).
enum JSONOutput {
    static func render<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
