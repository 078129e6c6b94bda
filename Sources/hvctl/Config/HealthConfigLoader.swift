import FoundationEssentials
import HyperVKit

/// `--config FILE`: TOML or JSON by the file's extension (or, without one, by its first character),
/// decoded against the schema in docs/health.md. Every problem is one `HealthConfigError` line.
enum HealthConfigLoader {
    /// Larger than any sensible configuration; a mistaken path to a big file fails fast.
    static let maxBytes = 1 << 20

    static func load(_ path: String) throws(CommandFailure) -> HealthConfiguration {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let text = try read(path, name: name)
        do {
            return try HealthConfigDecoder(file: name).decode(try parse(text, name: name))
        } catch {
            throw CommandFailure(error.description, status: .invalidInput)
        }
    }

    static func parse(_ text: String, name: String) throws(HealthConfigError) -> ConfigNode {
        let lower = name.lowercased()
        let firstCharacter = text.first { !$0.isWhitespace }
        if lower.hasSuffix(".json") || (!lower.hasSuffix(".toml") && firstCharacter == "{") {
            return try ConfigJSONParser.parse(text, file: name)
        }
        return try TOMLConfigReader.parse(text, file: name)
    }

    static func read(_ path: String, name: String) throws(CommandFailure) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let denied = (error as? CocoaError)?.code == .fileReadNoPermission
            throw CommandFailure(
                "\(name): cannot read the configuration file: \(denied ? "permission denied" : "no such file or not readable")",
                status: denied ? .permissionDenied : .invalidInput)
        }
        guard data.count <= maxBytes else {
            throw CommandFailure(
                "\(name): larger than \(maxBytes) bytes: not a configuration file", status: .invalidInput)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CommandFailure("\(name): not UTF-8 text", status: .invalidInput)
        }
        return text
    }
}
