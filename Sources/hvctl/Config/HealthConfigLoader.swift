import HyperVKit

/// `--config FILE`: TOML or JSON by the file's extension (or, without one, by its first character),
/// decoded against the schema in docs/health.md. Every problem is one `HealthConfigError` line that
/// names the file as the user gave it.
enum HealthConfigLoader {
    static func load(_ path: String) throws(CommandFailure) -> HealthConfiguration {
        let text = try read(path)
        do {
            return try HealthConfigDecoder(file: path).decode(try parse(text, name: path))
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
        return try ConfigTOMLParser.parse(text, file: name)
    }

    /// Regular files only, at most `ConfigLimits.maxBytes`, checked before reading (issue 12).
    static func read(_ path: String) throws(CommandFailure) -> String {
        let bytes: [UInt8]
        switch LocalFile.read(path, limit: ConfigLimits.maxBytes) {
        case .success(let read): bytes = read
        case .failure(let failure):
            let problem: String
            switch failure {
            case .notRegular, .tooLarge: problem = "\(failure): not a configuration file"
            default: problem = "cannot read the configuration file: \(failure)"
            }
            throw CommandFailure(
                "\(path): \(problem)", hint: failure.isPermissionDenied ? PermissionHint.hint() : nil,
                status: failure.isPermissionDenied ? .permissionDenied : .invalidInput)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CommandFailure("\(path): not UTF-8 text", status: .invalidInput)
        }
        return text
    }
}
