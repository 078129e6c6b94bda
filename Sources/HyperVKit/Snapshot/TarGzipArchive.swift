import CZlib

#if canImport(Glibc)
    import Glibc
#endif

/// Unpacks a snapshot `.tar.gz` safely (snapshot-format.md, "Rules").
///
/// Members with absolute paths or `..` components, hard links, devices and FIFOs, and symbolic links
/// whose target is absolute or climbs out of the archive are refused. Links are created only after
/// every file and directory has been written, so no write can pass through a link. The total size and
/// the member count are bounded, so a decompression bomb ends in an error, not a full disk.
public enum TarGzipArchive {
    public static let maxTotalBytes = 1 << 30
    public static let maxMembers = 200_000

    /// True when the file starts with the gzip magic bytes (1f 8b).
    public static func looksLikeGzip(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        var magic: [UInt8] = [0, 0]
        return read(fd, &magic, 2) == 2 && magic == [0x1f, 0x8b]
    }

    /// Unpacks `path` into a new private temporary directory.
    public static func unpack(_ path: String) throws(SnapshotError) -> TemporaryDirectory {
        let directory: TemporaryDirectory
        do {
            directory = try TemporaryDirectory(prefix: "hvctl-snapshot-")
        } catch {
            throw SnapshotError(path: path, message: "cannot create a temporary directory: \(error)", failure: error)
        }
        do {
            try extract(path, into: directory.path)
        } catch {
            throw SnapshotError(
                path: path, message: "cannot unpack \(path): \(error.message)", failure: .invalid(error.message))
        }
        return directory
    }

    struct ArchiveError: Error {
        var message: String
    }

    private static func extract(_ path: String, into destination: String) throws(ArchiveError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ArchiveError(message: Errno(errno).message) }
        guard let gz = gzdopen(fd, "rb") else {
            close(fd)
            throw ArchiveError(message: "not a gzip file")
        }
        defer { gzclose(gz) }
        var stream = GzipStream(gz: gz)
        var pendingLinks: [(path: String, target: String)] = []
        var total = 0
        var members = 0
        var longName: String?
        var longLink: String?
        var paxPath: String?
        var paxLink: String?
        while true {
            guard let header = try stream.readBlock() else { throw ArchiveError(message: "truncated archive") }
            if header.allSatisfy({ $0 == 0 }) { break }
            guard TarHeader.checksumIsValid(header) else { throw ArchiveError(message: "corrupt tar header") }
            let member = TarHeader(header)
            members += 1
            guard members <= maxMembers else { throw ArchiveError(message: "more than \(maxMembers) members") }
            guard let size = member.size, size >= 0, size <= maxTotalBytes else {
                throw ArchiveError(message: "bad member size in \(member.name)")
            }
            total += size
            guard total <= maxTotalBytes else {
                throw ArchiveError(message: "larger than \(maxTotalBytes) bytes unpacked")
            }
            switch member.type {
            case "L", "K":
                let data = try stream.readData(size)
                let value = String(decoding: data.prefix { $0 != 0 }, as: UTF8.self)
                if member.type == "L" { longName = value } else { longLink = value }
                continue
            case "x":
                let records = TarHeader.paxRecords(try stream.readData(size))
                paxPath = records["path"]
                paxLink = records["linkpath"]
                continue
            case "g":
                _ = try stream.readData(size)
                continue
            default:
                break
            }
            let name = paxPath ?? longName ?? member.name
            let linkTarget = paxLink ?? longLink ?? member.linkName
            longName = nil
            longLink = nil
            paxPath = nil
            paxLink = nil
            let relative = try safeRelativePath(name)
            switch member.type {
            case "0", "\0", "7":
                let data = try stream.readData(size)
                if relative.isEmpty { throw ArchiveError(message: "file member without a name") }
                try makeParents(relative, in: destination)
                try writeFile(destination + "/" + relative, data)
            case "5":
                _ = try stream.readData(size)
                if !relative.isEmpty { try makeDirectories(relative, in: destination) }
            case "2":
                _ = try stream.readData(size)
                try checkLinkTarget(linkTarget, of: relative)
                pendingLinks.append((relative, linkTarget))
            case "1":
                throw ArchiveError(message: "member \(name) is a hard link, which snapshots never contain")
            default:
                throw ArchiveError(message: "member \(name) is not a file, directory or symbolic link")
            }
        }
        for link in pendingLinks {
            try makeParents(link.path, in: destination)
            guard symlink(link.target, destination + "/" + link.path) == 0 else {
                throw ArchiveError(message: "cannot create link \(link.path): \(Errno(errno).message)")
            }
        }
    }

    /// Refuses absolute paths and `..`; returns the path without `./` and trailing slashes.
    static func safeRelativePath(_ name: String) throws(ArchiveError) -> String {
        if name.hasPrefix("/") { throw ArchiveError(message: "member \(name) has an absolute path") }
        var components: [Substring] = []
        for component in name.split(separator: "/") {
            if component == ".." { throw ArchiveError(message: "member \(name) has a \"..\" component") }
            if component == "." { continue }
            components.append(component)
        }
        return components.joined(separator: "/")
    }

    /// A link target must be relative and must stay inside the archive once resolved from the
    /// link's own directory.
    static func checkLinkTarget(_ target: String, of path: String) throws(ArchiveError) {
        if target.isEmpty || target.hasPrefix("/") {
            throw ArchiveError(message: "link \(path) points outside the snapshot (\(target))")
        }
        var depth = path.split(separator: "/").count - 1
        for component in target.split(separator: "/") {
            if component == ".." {
                depth -= 1
                if depth < 0 { throw ArchiveError(message: "link \(path) points outside the snapshot (\(target))") }
            } else if component != "." {
                depth += 1
            }
        }
    }

    private static func makeParents(_ relative: String, in destination: String) throws(ArchiveError) {
        let parts = relative.split(separator: "/")
        if parts.count > 1 { try makeDirectories(parts.dropLast().joined(separator: "/"), in: destination) }
    }

    private static func makeDirectories(_ relative: String, in destination: String) throws(ArchiveError) {
        var current = destination
        for part in relative.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw ArchiveError(message: "cannot create \(relative): \(Errno(errno).message)")
            }
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                throw ArchiveError(message: "\(relative) is both a file and a directory")
            }
        }
    }

    private static func writeFile(_ path: String, _ data: [UInt8]) throws(ArchiveError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ArchiveError(message: "cannot write \(path): \(Errno(errno).message)") }
        defer { close(fd) }
        var offset = 0
        while offset < data.count {
            let written = data[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { throw ArchiveError(message: "cannot write \(path): \(Errno(errno).message)") }
            offset += written
        }
    }
}

/// Reads 512-byte tar blocks out of a gzip stream.
struct GzipStream {
    let gz: gzFile

    mutating func readBlock() throws(TarGzipArchive.ArchiveError) -> [UInt8]? {
        let block = try readExactly(512)
        return block.count == 512 ? block : nil
    }

    /// Reads a member's data and skips its padding to the next 512-byte boundary.
    mutating func readData(_ size: Int) throws(TarGzipArchive.ArchiveError) -> [UInt8] {
        let padded = (size + 511) / 512 * 512
        let data = try readExactly(padded)
        guard data.count == padded else { throw TarGzipArchive.ArchiveError(message: "truncated archive") }
        return Array(data.prefix(size))
    }

    private mutating func readExactly(_ count: Int) throws(TarGzipArchive.ArchiveError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let chunk = min(count - filled, 1 << 20)
            let got = buffer.withUnsafeMutableBytes { raw in
                gzread(gz, raw.baseAddress?.advanced(by: filled), UInt32(chunk))
            }
            if got < 0 { throw TarGzipArchive.ArchiveError(message: "corrupt gzip data") }
            if got == 0 { break }
            filled += Int(got)
        }
        return Array(buffer.prefix(filled))
    }
}

/// The fields of a ustar/GNU header that unpacking needs.
struct TarHeader {
    var name: String
    var size: Int?
    var type: Character
    var linkName: String

    init(_ block: [UInt8]) {
        let base = TarHeader.string(block, 0, 100)
        let prefix = TarHeader.string(block, 345, 155)
        // POSIX ustar ("ustar\0") has a name prefix at 345; GNU's "ustar  " keeps times there.
        let isUstar = Array(block[257..<263]) == Array("ustar".utf8) + [0]
        name = isUstar && !prefix.isEmpty ? prefix + "/" + base : base
        size = TarHeader.octal(block, 124, 12)
        type = Character(UnicodeScalar(block[156]))
        linkName = TarHeader.string(block, 157, 100)
    }

    static func string(_ block: [UInt8], _ offset: Int, _ length: Int) -> String {
        String(decoding: block[offset..<offset + length].prefix { $0 != 0 }, as: UTF8.self)
    }

    static func octal(_ block: [UInt8], _ offset: Int, _ length: Int) -> Int? {
        let field = block[offset..<offset + length]
        if let first = field.first, first & 0x80 != 0 {
            // GNU base-256 for sizes ≥ 8 GiB: never in a snapshot.
            return nil
        }
        let text = String(decoding: field.prefix { $0 != 0 }, as: UTF8.self).trimmingWhitespace()
        return text.isEmpty ? 0 : Int(text, radix: 8)
    }

    static func checksumIsValid(_ block: [UInt8]) -> Bool {
        guard let stored = octal(block, 148, 8) else { return false }
        var sum = 0
        for (index, byte) in block.enumerated() { sum += (148..<156).contains(index) ? 32 : Int(byte) }
        return sum == stored
    }

    /// pax extended records: `<length> <key>=<value>\n`.
    static func paxRecords(_ data: [UInt8]) -> [String: String] {
        var records: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            let record = line[line.index(after: space)...]
            guard let equals = record.firstIndex(of: "=") else { continue }
            records[String(record[..<equals])] = String(record[record.index(after: equals)...])
        }
        return records
    }
}
