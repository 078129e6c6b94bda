/// A JSON document read by the one JSON reader (`ConfigJSONParser`), with typed field access for
/// the documents hvctl reads back (the snapshot manifest, the move journal). A problem is a
/// `JSONDocument.Problem`, each turned into the document's own one-line reason.
struct JSONDocument {
    enum Problem: Error, Equatable {
        case invalid
        case missing(String)
        case wrongType(String)
    }

    let fields: [(key: String, node: ConfigNode)]
    /// Where these fields sit in the document (`unreadable`), for messages; empty at the top.
    let path: String

    /// Parses `bytes` as a JSON object; anything else is `.invalid`.
    static func parse(_ bytes: [UInt8], maxEntries: Int) -> Result<JSONDocument, Problem> {
        guard let text = String(validating: bytes, as: UTF8.self),
            let root = try? ConfigJSONParser.parse(text, file: "", maxEntries: maxEntries),
            case .table(let fields) = root.value
        else { return .failure(.invalid) }
        return .success(JSONDocument(fields: fields, path: ""))
    }

    func node(_ key: String) -> ConfigNode? {
        guard let node = fields.first(where: { $0.key == key })?.node else { return nil }
        if case .other("null") = node.value { return nil }
        return node
    }

    private func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func string(_ key: String) throws(Problem) -> String? {
        guard let node = node(key) else { return nil }
        guard case .string(let text) = node.value else { throw .wrongType(name(key)) }
        return text
    }

    func int(_ key: String) throws(Problem) -> Int? {
        guard let node = node(key) else { return nil }
        guard case .integer(let value) = node.value, let number = Int(exactly: value) else {
            throw .wrongType(name(key))
        }
        return number
    }

    func bool(_ key: String) throws(Problem) -> Bool? {
        guard let node = node(key) else { return nil }
        guard case .bool(let value) = node.value else { throw .wrongType(name(key)) }
        return value
    }

    func required<T>(_ key: String, _ read: (String) throws(Problem) -> T?) throws(Problem) -> T {
        guard let value = try read(key) else { throw .missing(key) }
        return value
    }

    func object(_ key: String) throws(Problem) -> JSONDocument? {
        guard let node = node(key) else { return nil }
        guard case .table(let fields) = node.value else { throw .wrongType(name(key)) }
        return JSONDocument(fields: fields, path: name(key))
    }

    func objects(_ key: String) throws(Problem) -> [JSONDocument]? {
        guard let node = node(key) else { return nil }
        guard case .array(let items) = node.value else { throw .wrongType(name(key)) }
        var documents: [JSONDocument] = []
        for (index, item) in items.enumerated() {
            guard case .table(let fields) = item.value else { throw .wrongType("\(name(key))[\(index)]") }
            documents.append(JSONDocument(fields: fields, path: "\(name(key))[\(index)]"))
        }
        return documents
    }

    func strings(_ key: String) throws(Problem) -> [String]? {
        guard let node = node(key) else { return nil }
        guard case .array(let items) = node.value else { throw .wrongType(name(key)) }
        var strings: [String] = []
        for item in items {
            guard case .string(let text) = item.value else { throw .wrongType(name(key)) }
            strings.append(text)
        }
        return strings
    }

    /// An object whose values are all strings (`{"path": "EACCES"}`).
    func stringMap(_ key: String) throws(Problem) -> [String: String]? {
        guard let object = try object(key) else { return nil }
        var map: [String: String] = [:]
        for field in object.fields {
            guard case .string(let text) = field.node.value else { throw .wrongType(object.name(field.key)) }
            map[field.key] = text
        }
        return map
    }
}
