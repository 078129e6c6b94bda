import Foundation

/// The one place JSON is produced: pretty-printed, slashes unescaped, keys sorted. Foundation's
/// encoder on Linux does not keep the order keys were encoded in, so sorting is what makes the
/// output stable from run to run (golden files, diffs of two captures).
enum JSONOutput {
    static func render<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
