import CZlib

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a ustar archive compressed with gzip: what `hvctl snapshot -o FILE.tar.gz` produces and
/// what `SnapshotArchive` reads back. Names longer than 100 bytes use the ustar prefix field or a
/// GNU long-name record, as GNU tar does.
public final class TarGzipWriter {
    public enum Entry: Sendable {
        case file(path: String, bytes: [UInt8], mode: UInt32 = 0o644)
        case directory(path: String, mode: UInt32 = 0o755)
        case symlink(path: String, target: String)
        /// Any header type with any name: for tests that build hostile archives.
        case raw(path: String, type: UInt8, linkName: String, bytes: [UInt8])
    }

    private let gz: gzFile
    private var closed = false
    /// The modification time written into every header, so archives are reproducible.
    private let mtime: Int

    /// Creates (or truncates) `path` with mode 0600.
    public convenience init(path: String, mtime: Int = 0) throws(ReadFailure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .unreadable(Errno(errno)) }
        try self.init(descriptor: fd, mtime: mtime)
    }

    /// Writes to an open file, which the writer owns (and closes) from here on.
    public init(descriptor fd: Int32, mtime: Int = 0) throws(ReadFailure) {
        guard let gz = gzdopen(fd, "wb9") else {
            close(fd)
            throw .invalid("cannot start gzip compression")
        }
        self.gz = gz
        self.mtime = mtime
    }

    deinit {
        if !closed { gzclose(gz) }
    }

    public func add(_ entry: Entry) throws(ReadFailure) {
        switch entry {
        case .file(let path, let bytes, let mode):
            try writeMember(path: path, type: UInt8(ascii: "0"), linkName: "", mode: mode, bytes: bytes)
        case .directory(let path, let mode):
            try writeMember(
                path: path.hasSuffix("/") ? path : path + "/", type: UInt8(ascii: "5"), linkName: "", mode: mode,
                bytes: [])
        case .symlink(let path, let target):
            try writeMember(path: path, type: UInt8(ascii: "2"), linkName: target, mode: 0o777, bytes: [])
        case .raw(let path, let type, let linkName, let bytes):
            try writeMember(path: path, type: type, linkName: linkName, mode: 0o644, bytes: bytes)
        }
    }

    /// Writes the two zero blocks that end a tar archive and closes the file.
    public func finish() throws(ReadFailure) {
        try writeBytes([UInt8](repeating: 0, count: 1024))
        closed = true
        guard gzclose(gz) == Z_OK else { throw .unreadable(.EIO) }
    }

    private func writeMember(path: String, type: UInt8, linkName: String, mode: UInt32, bytes: [UInt8])
        throws(ReadFailure)
    {
        let (name, prefix) = TarGzipWriter.split(path)
        if name == nil || Array(linkName.utf8).count > 100 {
            // GNU long-name records carry what a ustar header cannot.
            if name == nil { try writeLong(type: UInt8(ascii: "L"), value: path) }
            if Array(linkName.utf8).count > 100 { try writeLong(type: UInt8(ascii: "K"), value: linkName) }
        }
        let header = makeHeader(
            name: name ?? String(decoding: Array(path.utf8).prefix(100), as: UTF8.self),
            prefix: name == nil ? "" : prefix,
            type: type, linkName: String(decoding: Array(linkName.utf8).prefix(100), as: UTF8.self), mode: mode,
            size: bytes.count)
        try writeBytes(header)
        try writeBytes(bytes)
        let padding = (512 - bytes.count % 512) % 512
        if padding > 0 { try writeBytes([UInt8](repeating: 0, count: padding)) }
    }

    private func writeLong(type: UInt8, value: String) throws(ReadFailure) {
        let data = Array(value.utf8) + [0]
        try writeBytes(
            makeHeader(name: "././@LongLink", prefix: "", type: type, linkName: "", mode: 0o644, size: data.count))
        try writeBytes(data)
        let padding = (512 - data.count % 512) % 512
        if padding > 0 { try writeBytes([UInt8](repeating: 0, count: padding)) }
    }

    /// ustar splits a long path at a slash: up to 155 bytes of prefix, up to 100 of name.
    static func split(_ path: String) -> (name: String?, prefix: String) {
        let bytes = Array(path.utf8)
        if bytes.count <= 100 { return (path, "") }
        for index in stride(from: min(bytes.count - 1, 155), to: 0, by: -1) where bytes[index] == UInt8(ascii: "/") {
            let name = Array(bytes[(index + 1)...])
            if name.count <= 100 && !name.isEmpty {
                return (String(decoding: name, as: UTF8.self), String(decoding: bytes[..<index], as: UTF8.self))
            }
        }
        return (nil, "")
    }

    private func makeHeader(name: String, prefix: String, type: UInt8, linkName: String, mode: UInt32, size: Int)
        -> [UInt8]
    {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, _ offset: Int, _ length: Int) {
            for (index, byte) in Array(text.utf8).prefix(length).enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: Int, _ offset: Int, _ length: Int) {
            let digits = String(value, radix: 8)
            put(String(repeating: "0", count: max(0, length - 1 - digits.count)) + digits, offset, length - 1)
        }
        put(name, 0, 100)
        octal(Int(mode), 100, 8)
        octal(0, 108, 8)
        octal(0, 116, 8)
        octal(size, 124, 12)
        octal(mtime, 136, 12)
        block[156] = type
        put(linkName, 157, 100)
        put("ustar", 257, 6)
        put("00", 263, 2)
        put("root", 265, 32)
        put("root", 297, 32)
        put(prefix, 345, 155)
        for index in 148..<156 { block[index] = 32 }
        let sum = block.reduce(0) { $0 + Int($1) }
        let digits = String(sum, radix: 8)
        put(String(repeating: "0", count: max(0, 6 - digits.count)) + digits, 148, 6)
        block[154] = 0
        block[155] = 32
        return block
    }

    private func writeBytes(_ bytes: [UInt8]) throws(ReadFailure) {
        guard !bytes.isEmpty else { return }
        let written = bytes.withUnsafeBytes { gzwrite(gz, $0.baseAddress, UInt32($0.count)) }
        guard written == Int32(bytes.count) else { throw .unreadable(.EIO) }
    }
}
