import CArchive

#if canImport(Glibc)
    import Glibc
#endif

/// Unpacks a snapshot or sos report archive safely (docs/snapshot-format.md, "Rules"; issues 12, 17).
///
/// libarchive reads the tar stream, whatever its compression (gzip, xz, bzip2, zstd); this type
/// decides what may land on disk. Members with absolute paths or `..` components, hard links,
/// sparse files, devices and FIFOs are refused. Symbolic links are created only after every file
/// and directory has been written, so no write can pass through a link; before any is created,
/// each link's target is resolved against all the archive's links at once (a chain such as
/// `s -> .` then `t -> s/../..` included) and refused if the walk ever steps out of the archive.
/// Member data is streamed to disk in bounded chunks, and the expanded size (headers and padding
/// included, as libarchive counts the decompressed stream), the member count and the time taken
/// are bounded, so a decompression bomb or a flood of members ends in a one-line error.
public enum SnapshotArchive {
    /// Bytes of tar stream (headers, data, padding) decompressed at most. A capture is about 120 KB
    /// for a 416-CPU guest and at most `CaptureTree.maxBytes`; a sos report of a large guest with
    /// its logs is tens of MiB.
    public static let maxExpandedBytes = 256 << 20
    /// Members at most; a capture has at most `CaptureTree.maxEntries`.
    public static let maxMembers = 120_000
    /// Seconds an unpack may take: a 416-CPU capture (26k members) takes well under one.
    public static let maxSeconds = 60.0

    /// The compressions an archive may use, by the magic bytes each starts with.
    enum Compression: String {
        case gzip, xz, bzip2, zstd

        static func of(_ magic: [UInt8]) -> Compression? {
            if magic.starts(with: [0x1F, 0x8B]) { return .gzip }
            if magic.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
            if magic.starts(with: [0x42, 0x5A, 0x68]) { return .bzip2 }
            if magic.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
            return nil
        }
    }

    /// True when the file is a regular file that starts with the magic bytes of gzip, xz, bzip2
    /// or zstd: what `--snapshot` unpacks rather than reads as a directory.
    public static func looksLikeArchive(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        var magic = [UInt8](repeating: 0, count: 6)
        let got = read(fd, &magic, 6)
        return got > 0 && Compression.of(Array(magic.prefix(got))) != nil
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
            let reader = try ArchiveReader(path: path)
            while let member = try reader.next() {
                members += 1
                guard members <= maxMembers else { throw ArchiveError(message: "more than \(maxMembers) members") }
                if members % 256 == 0 && Extraction.seconds() - started > maxSeconds {
                    throw ArchiveError(message: "unpacking took longer than \(Int(maxSeconds)) s (\(members) members)")
                }
                guard member.size <= maxExpandedBytes - reader.expanded else {
                    throw ArchiveError(
                        message: "member \(member.name) of \(member.size) bytes: it expands to more than "
                            + "\(maxExpandedBytes) bytes (a decompression bomb, or not a snapshot)")
                }
                let relative = try SnapshotArchive.safeRelativePath(member.name)
                switch member.kind {
                case .file:
                    if relative.isEmpty { throw ArchiveError(message: "file member without a name") }
                    try makeParents(relative)
                    try writeFile(relative, member: member, from: reader)
                case .directory:
                    if !relative.isEmpty { try makeDirectories(relative) }
                case .symbolicLink(let target):
                    try SnapshotArchive.checkLinkTarget(target, of: relative)
                    links.append((relative, target))
                case .hardLink:
                    throw ArchiveError(message: "member \(member.name) is a hard link, which snapshots never contain")
                case .sparse:
                    throw ArchiveError(message: "member \(member.name) is a sparse file, which snapshots never contain")
                case .other:
                    throw ArchiveError(message: "member \(member.name) is not a file, directory or symbolic link")
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

        func writeFile(_ relative: String, member: ArchiveMember, from reader: ArchiveReader) throws(ArchiveError) {
            let path = destination + "/" + relative
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                let problem = errno == EEXIST ? "the archive holds it twice" : Errno(errno).message
                throw ArchiveError(message: "cannot write \(relative): \(problem)")
            }
            defer { close(fd) }
            try reader.copyData(of: member, to: fd, name: relative, limit: maxExpandedBytes)
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
