import CZlib

/// In-memory gzip compression with zlib, for the filtered `/proc/config.gz` a snapshot keeps.
/// The header carries no name and no time, so the same input always gives the same bytes.
public enum Gzip {
    public static func compress(_ bytes: [UInt8]) -> Result<[UInt8], ReadFailure> {
        var stream = z_stream()
        // 15 + 16: a 32 KiB window and a gzip header. deflateInit2() is a macro.
        guard
            deflateInit2_(
                &stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return .failure(.invalid("cannot start gzip compression")) }
        defer { deflateEnd(&stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 32)
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return .failure(.invalid("gzip compression failed")) }
        return .success(Array(output.prefix(Int(stream.total_out))))
    }
}
