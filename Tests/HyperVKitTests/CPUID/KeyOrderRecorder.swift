/// Records the keys an `Encodable` writes, as dotted paths, in the order `encode(to:)` writes them.
///
/// Foundation's JSONEncoder on Linux (Swift 6.3) does not keep that order: its objects are
/// dictionaries, printed in a per-process hash order. So the contract order of the keys is checked
/// here, at the source, and JSON shape separately with JSONSerialization.
final class KeyOrderRecorder {
    private(set) var paths: [String] = []

    static func paths<Value: Encodable>(of value: Value) throws -> [String] {
        let recorder = KeyOrderRecorder()
        try value.encode(to: RecordingEncoder(recorder: recorder, codingPath: []))
        return recorder.paths
    }

    /// The recorded paths directly below `prefix` (`""` for the top level), in order, without repeats.
    func children(of prefix: String) -> [String] { Self.children(of: prefix, in: paths) }

    static func children(of prefix: String, in paths: [String]) -> [String] {
        var seen: [String] = []
        for path in paths {
            let rest: Substring
            if prefix.isEmpty {
                rest = Substring(path)
            } else {
                guard path.hasPrefix(prefix + ".") else { continue }
                rest = path.dropFirst(prefix.count + 1)
            }
            let child = String(rest.prefix { $0 != "." })
            if !seen.contains(child) { seen.append(child) }
        }
        return seen
    }

    fileprivate func record(_ path: [any CodingKey]) {
        paths.append(path.map(\.stringValue).joined(separator: "."))
    }
}

private struct RecordingEncoder: Encoder {
    let recorder: KeyOrderRecorder
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(RecordingKeyedContainer<Key>(recorder: recorder, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        RecordingUnkeyedContainer(recorder: recorder, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        RecordingSingleValueContainer(recorder: recorder, codingPath: codingPath)
    }
}

private struct IndexKey: CodingKey {
    let stringValue: String
    var intValue: Int? { Int(stringValue) }
    init(_ index: Int) { stringValue = String(index) }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { stringValue = String(intValue) }
}

private struct RecordingKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let recorder: KeyOrderRecorder
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { recorder.record(codingPath + [key]) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        recorder.record(codingPath + [key])
        try value.encode(to: RecordingEncoder(recorder: recorder, codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        recorder.record(codingPath + [key])
        return KeyedEncodingContainer(
            RecordingKeyedContainer<NestedKey>(recorder: recorder, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        recorder.record(codingPath + [key])
        return RecordingUnkeyedContainer(recorder: recorder, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { RecordingEncoder(recorder: recorder, codingPath: codingPath) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        RecordingEncoder(recorder: recorder, codingPath: codingPath + [key])
    }
}

private struct RecordingUnkeyedContainer: UnkeyedEncodingContainer {
    let recorder: KeyOrderRecorder
    let codingPath: [any CodingKey]
    var count = 0

    init(recorder: KeyOrderRecorder, codingPath: [any CodingKey]) {
        self.recorder = recorder
        self.codingPath = codingPath
    }

    mutating func encodeNil() throws { count += 1 }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath + [IndexKey(count)]
        count += 1
        try value.encode(to: RecordingEncoder(recorder: recorder, codingPath: path))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        defer { count += 1 }
        let path = codingPath + [IndexKey(count)]
        return KeyedEncodingContainer(RecordingKeyedContainer<NestedKey>(recorder: recorder, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        defer { count += 1 }
        return RecordingUnkeyedContainer(recorder: recorder, codingPath: codingPath + [IndexKey(count)])
    }

    mutating func superEncoder() -> any Encoder { RecordingEncoder(recorder: recorder, codingPath: codingPath) }
}

private struct RecordingSingleValueContainer: SingleValueEncodingContainer {
    let recorder: KeyOrderRecorder
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {}
    // Leaves: nothing below them to record (and no default that would recurse).
    mutating func encode(_ value: Bool) throws {}
    mutating func encode(_ value: String) throws {}
    mutating func encode(_ value: Double) throws {}
    mutating func encode(_ value: Float) throws {}
    mutating func encode(_ value: Int) throws {}
    mutating func encode(_ value: Int8) throws {}
    mutating func encode(_ value: Int16) throws {}
    mutating func encode(_ value: Int32) throws {}
    mutating func encode(_ value: Int64) throws {}
    mutating func encode(_ value: UInt) throws {}
    mutating func encode(_ value: UInt8) throws {}
    mutating func encode(_ value: UInt16) throws {}
    mutating func encode(_ value: UInt32) throws {}
    mutating func encode(_ value: UInt64) throws {}

    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: RecordingEncoder(recorder: recorder, codingPath: codingPath))
    }
}
