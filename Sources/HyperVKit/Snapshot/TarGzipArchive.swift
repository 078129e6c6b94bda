import CZlib

#if canImport(Glibc)
    import Glibc
#endif

/// Unpacks a snapshot `.tar.gz` safely (docs/snapshot-format.md, "Rules"; issue 12).
///
/// Members with absolute paths or `..` components, hard links, devices and FIFOs are refused.
/// Symbolic links are created only after every file and directory has been written, so no write can
/// pass through a link; before any is created, each link's target is resolved against all the
/// archive's links at once (a chain such as `s -> .` then `t -> s/../..` included) and refused if
/// the walk ever steps out of the archive. Member data is streamed to disk in bounded chunks, and the
/// expanded size (headers and padding included), the member count and the time taken are bounded,
/// so a decompression bomb or a flood of members ends in a one-line error, not a full disk.
public enum TarGzipArchive {
    /// Bytes of tar stream (headers, data, padding) inflated at most. A capture is about 120 KB for
    /// a 416-CPU guest and at most `CaptureTree.maxBytes`.
    public static let maxExpandedBytes = 256 << 20
    /// Members at most; a capture has at most `CaptureTree.maxEntries`.
    public static let maxMembers = 120_000
    /// Seconds an unpack may take: a 416-CPU capture (26k members) takes well under one.
    public static let maxSeconds = 60.0

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
            var extraction = Extraction(destination: directory.path)
            try extraction.run(path)
        } catch {
            throw SnapshotError(
                path: path, message: "cannot unpack \(path): \(error.message)", failure: .invalid(error.message))
        }
        return directory
    }

    struct ArchiveError: Error {
        var message: String
    }

    /// One unpack: the destination, what was made in it, and the links still to create.
    struct Extraction {
        let destination: String
        var directories: Set<String> = [""]
        /// Relative path → target of every symbolic link, created last.
        var links: [(path: String, target: String)] = []
        var members = 0
        let started = Extraction.seconds()

        init(destination: String) {
            self.destination = destination
        }

        mutating func run(_ path: String) throws(ArchiveError) {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw ArchiveError(message: Errno(errno).message) }
            guard let gz = gzdopen(fd, "rb") else {
                close(fd)
                throw ArchiveError(message: "not a gzip file")
            }
            defer { gzclose(gz) }
            var stream = GzipStream(gz: gz, limit: maxExpandedBytes)
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
                if members % 256 == 0 && Extraction.seconds() - started > maxSeconds {
                    throw ArchiveError(message: "unpacking took longer than \(Int(maxSeconds)) s (\(members) members)")
                }
                guard let size = member.size, size >= 0 else {
                    throw ArchiveError(message: "bad member size in \(member.name)")
                }
                guard size <= maxExpandedBytes - stream.inflated else {
                    throw ArchiveError(
                        message: "member \(member.name) of \(size) bytes: it expands to more than \(maxExpandedBytes) "
                            + "bytes (a decompression bomb, or not a snapshot)")
                }
                switch member.type {
                case "L", "K":
                    let data = try stream.readData(size, limit: 64 << 10)
                    let value = String(decoding: data.prefix { $0 != 0 }, as: UTF8.self)
                    if member.type == "L" { longName = value } else { longLink = value }
                    continue
                case "x":
                    let records = TarHeader.paxRecords(try stream.readData(size, limit: 1 << 20))
                    paxPath = records["path"]
                    paxLink = records["linkpath"]
                    continue
                case "g":
                    try stream.skip(size)
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
                let relative = try TarGzipArchive.safeRelativePath(name)
                switch member.type {
                case "0", "\0", "7":
                    if relative.isEmpty { throw ArchiveError(message: "file member without a name") }
                    try makeParents(relative)
                    try writeFile(relative, size: size, from: &stream)
                case "5":
                    try stream.skip(size)
                    if !relative.isEmpty { try makeDirectories(relative) }
                case "2":
                    try stream.skip(size)
                    try TarGzipArchive.checkLinkTarget(linkTarget, of: relative)
                    links.append((relative, linkTarget))
                case "1":
                    throw ArchiveError(message: "member \(name) is a hard link, which snapshots never contain")
                default:
                    throw ArchiveError(message: "member \(name) is not a file, directory or symbolic link")
                }
            }
            try createLinks()
        }

        /// Every link is checked against all links of the archive before the first is created, so
        /// the order of members cannot hide a chain that leads out.
        mutating func createLinks() throws(ArchiveError) {
            var table: [String: String] = [:]
            for link in links { table[link.path] = link.target }
            for link in links {
                let parent = link.path.split(separator: "/").dropLast().joined(separator: "/")
                let walked = SymbolicLinkWalk.leavesRoot(parent + "/" + link.target) { components in
                    table[components.joined(separator: "/")]
                }
                guard walked == false else {
                    let why = walked == nil ? "a loop of links" : "a chain of links that leads outside the snapshot"
                    throw ArchiveError(message: "link \(link.path) -> \(link.target) is \(why)")
                }
            }
            for link in links {
                try makeParents(link.path)
                guard symlink(link.target, destination + "/" + link.path) == 0 else {
                    throw ArchiveError(message: "cannot create link \(link.path): \(Errno(errno).message)")
                }
            }
        }

        mutating func makeParents(_ relative: String) throws(ArchiveError) {
            guard let slash = relative.lastIndex(of: "/") else { return }
            try makeDirectories(String(relative[..<slash]))
        }

        /// Creates each missing component once; a component that exists already must be a real
        /// directory this unpack made (never a file or a link).
        mutating func makeDirectories(_ relative: String) throws(ArchiveError) {
            guard !directories.contains(relative) else { return }
            var current = ""
            for part in relative.split(separator: "/") {
                current = current.isEmpty ? String(part) : current + "/" + part
                if directories.contains(current) { continue }
                let path = destination + "/" + current
                if mkdir(path, 0o700) != 0 {
                    guard errno == EEXIST else {
                        throw ArchiveError(message: "cannot create \(relative): \(Errno(errno).message)")
                    }
                    throw ArchiveError(message: "\(current) is both a file and a directory")
                }
                directories.insert(current)
            }
        }

        func writeFile(_ relative: String, size: Int, from stream: inout GzipStream) throws(ArchiveError) {
            let path = destination + "/" + relative
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                let problem = errno == EEXIST ? "the archive holds it twice" : Errno(errno).message
                throw ArchiveError(message: "cannot write \(relative): \(problem)")
            }
            defer { close(fd) }
            try stream.copy(size, to: fd, name: relative)
        }

        static func seconds() -> Double {
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
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

    /// A link target must be relative and, read on its own, stay inside the archive once resolved
    /// from the link's own directory (chains through other links are checked at the end).
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
}

/// Reads 512-byte tar blocks out of a gzip stream, holding the inflated total to a limit.
struct GzipStream {
    let gz: gzFile
    let limit: Int
    private(set) var inflated = 0
    /// Bytes moved per read while copying or skipping member data.
    static let chunkSize = 64 << 10

    init(gz: gzFile, limit: Int) {
        self.gz = gz
        self.limit = limit
    }

    mutating func readBlock() throws(TarGzipArchive.ArchiveError) -> [UInt8]? {
        var block = [UInt8](repeating: 0, count: 512)
        let got = try fill(&block, 0..<512)
        return got == 512 ? block : nil
    }

    /// A member's data (small members only: long names, pax records), then its padding.
    mutating func readData(_ size: Int, limit: Int) throws(TarGzipArchive.ArchiveError) -> [UInt8] {
        guard size <= limit else { throw TarGzipArchive.ArchiveError(message: "an extended header of \(size) bytes") }
        var data = [UInt8](repeating: 0, count: size)
        guard try fill(&data, 0..<size) == size else { throw TarGzipArchive.ArchiveError(message: "truncated archive") }
        try skip(padding(size))
        return data
    }

    /// Writes a member's data to `fd` in chunks, then skips its padding.
    mutating func copy(_ size: Int, to fd: Int32, name: String) throws(TarGzipArchive.ArchiveError) {
        var buffer = [UInt8](repeating: 0, count: min(size, GzipStream.chunkSize))
        var left = size
        while left > 0 {
            let count = min(left, buffer.count)
            guard try fill(&buffer, 0..<count) == count else {
                throw TarGzipArchive.ArchiveError(message: "truncated archive")
            }
            if let code = AtomicFile.writeAll(fd, count == buffer.count ? buffer : Array(buffer[0..<count])) {
                throw TarGzipArchive.ArchiveError(message: "cannot write \(name): \(code.message)")
            }
            left -= count
        }
        try skip(padding(size))
    }

    /// Reads and drops `size` bytes.
    mutating func skip(_ size: Int) throws(TarGzipArchive.ArchiveError) {
        var buffer = [UInt8](repeating: 0, count: min(size, GzipStream.chunkSize))
        var left = size
        while left > 0 {
            let count = min(left, buffer.count)
            guard try fill(&buffer, 0..<count) == count else {
                throw TarGzipArchive.ArchiveError(message: "truncated archive")
            }
            left -= count
        }
    }

    private func padding(_ size: Int) -> Int { (512 - size % 512) % 512 }

    /// Fills `range` of `buffer`; returns how many bytes arrived (fewer at the end of the stream).
    /// At most one byte past the limit is ever inflated, which is enough to know it was passed.
    private mutating func fill(_ buffer: inout [UInt8], _ range: Range<Int>) throws(TarGzipArchive.ArchiveError)
        -> Int
    {
        var filled = 0
        while filled < range.count {
            let allowed = min(range.count - filled, limit + 1 - inflated)
            let got = buffer.withUnsafeMutableBytes { raw in
                gzread(gz, raw.baseAddress?.advanced(by: range.lowerBound + filled), UInt32(allowed))
            }
            if got < 0 { throw TarGzipArchive.ArchiveError(message: "corrupt gzip data") }
            if got == 0 { break }
            filled += Int(got)
            inflated += Int(got)
            guard inflated <= limit else {
                throw TarGzipArchive.ArchiveError(
                    message: "it expands to more than \(limit) bytes (a decompression bomb, or not a snapshot)")
            }
        }
        return filled
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
        var sum = 8 * 32
        for index in 0..<148 { sum += Int(block[index]) }
        for index in 156..<block.count { sum += Int(block[index]) }
        return sum == stored
    }

    /// pax extended records: `<length> <key>=<value>\n`, where length counts the whole record, so
    /// a value may hold newlines (POSIX pax, "extended header"). A malformed record ends the list.
    static func paxRecords(_ data: [UInt8]) -> [String: String] {
        var records: [String: String] = [:]
        var offset = 0
        while offset < data.count {
            guard let space = data[offset...].firstIndex(of: 0x20),
                let length = Int(String(decoding: data[offset..<space], as: UTF8.self)), length > space - offset,
                offset + length <= data.count, data[offset + length - 1] == 0x0A
            else { break }
            let record = data[(space + 1)..<(offset + length - 1)]
            if let equals = record.firstIndex(of: UInt8(ascii: "=")) {
                let key = String(decoding: record[..<equals], as: UTF8.self)
                records[key] = String(decoding: record[(equals + 1)...], as: UTF8.self)
            }
            offset += length
        }
        return records
    }
}
