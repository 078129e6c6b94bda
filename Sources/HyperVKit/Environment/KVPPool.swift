/// A KVP pool file written by `hv_kvp_daemon` (reference §11.1): a plain array of fixed-size
/// records, key 512 bytes then value 2048 bytes, each NUL-padded UTF-8 (`struct kvp_record` of
/// `tools/hv/hv_kvp_daemon.c`: two char arrays, no integer field, so no byte order to decode: the
/// record layout is the same on a little- and a big-endian reader). Pool 3
/// (`/var/lib/hyperv/.kvp_pool_3`, KVP_POOL_AUTO_EXTERNAL) holds what the host says of itself.
public struct KVPPool: Sendable, Equatable {
    public static let keySize = 512
    public static let valueSize = 2048
    public static let recordSize = keySize + valueSize
    /// Where hv_kvp_daemon keeps the pools (`tools/hv/hv_kvp_daemon.c`).
    public static let directory = IdentityEvidenceReader.kvpDirectory
    public static let hostPoolPath = directory + "/.kvp_pool_3"

    /// Records in file order; a key may repeat (the daemon appends), the last one wins in `value(for:)`.
    public var records: [(key: String, value: String)]

    public init(records: [(key: String, value: String)]) {
        self.records = records
    }

    public static func == (lhs: KVPPool, rhs: KVPPool) -> Bool {
        lhs.records.elementsEqual(rhs.records) { $0.key == $1.key && $0.value == $1.value }
    }

    /// Decodes the bytes. A trailing partial record means the file is not a pool: `invalid`.
    public static func decode(_ bytes: [UInt8]) -> Result<KVPPool, ReadFailure> {
        guard bytes.count % recordSize == 0 else {
            return .failure(.invalid("size \(bytes.count) is not a multiple of the \(recordSize)-byte KVP record"))
        }
        var records: [(key: String, value: String)] = []
        var offset = 0
        while offset < bytes.count {
            let key = text(bytes[offset..<offset + keySize])
            let value = text(bytes[offset + keySize..<offset + recordSize])
            if !key.isEmpty { records.append((key, value)) }
            offset += recordSize
        }
        return .success(KVPPool(records: records))
    }

    public func value(for key: String) -> String? {
        records.last { $0.key == key }?.value
    }

    /// Bytes up to the first NUL, as UTF-8 (invalid bytes replaced, never trapped on).
    private static func text(_ slice: ArraySlice<UInt8>) -> String {
        String(decoding: slice.prefix { $0 != 0 }, as: UTF8.self)
    }
}
