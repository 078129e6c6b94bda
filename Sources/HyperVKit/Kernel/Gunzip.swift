import CZlib

/// In-memory gzip decompression with zlib (the same library the snapshot tarballs use), for
/// `/proc/config.gz` (CONFIG_IKCONFIG_PROC: the running kernel's config, gzip-compressed by
/// `kernel/configs.c`).
enum Gunzip {
    /// A kernel config is a few hundred KiB; anything past this is not one (a decompression bomb).
    static let defaultLimit = 16 << 20

    /// The decompressed bytes of the first gzip member of `bytes`.
    static func decompress(_ bytes: [UInt8], limit: Int = defaultLimit) -> Result<[UInt8], ReadFailure> {
        guard bytes.count >= 18, bytes[0] == 0x1F, bytes[1] == 0x8B else { return .failure(.invalid("not gzip data")) }
        var stream = z_stream()
        // 15 + 16: a 32 KiB window and a gzip (not zlib) header. inflateInit2() is a macro.
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(.invalid("cannot start gzip decompression"))
        }
        defer { inflateEnd(&stream) }
        var input = bytes
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var status = Z_OK
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            while status == Z_OK && output.count <= limit {
                chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: target[0..<(target.count - Int(stream.avail_out))])
                }
            }
        }
        if output.count > limit { return .failure(.invalid("decompresses to more than \(limit) bytes")) }
        switch status {
        case Z_STREAM_END: return .success(output)
        case Z_BUF_ERROR: return .failure(.invalid("truncated gzip data"))
        default: return .failure(.invalid("corrupt gzip data"))
        }
    }
}
