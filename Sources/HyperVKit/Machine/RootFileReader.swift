import CRootFS
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Reads files, directories and links beneath one root directory, as if it were `/`.
///
/// The one file reader behind both the live machine (root `/`) and snapshots (root = the snapshot
/// directory), so the code that reads a guest reads a capture unchanged. Beneath a root other than
/// `/`, paths are resolved with openat2(RESOLVE_IN_ROOT): neither `..` nor a symbolic link, however
/// written, can reach a file outside the root. Only regular files are read (a FIFO or device planted
/// in a snapshot can neither block nor stream forever), and every read is bounded.
public final class RootFileReader: Sendable {
    /// The root as given.
    public let root: String
    /// An open descriptor of the root directory, or AT_FDCWD for `/`.
    private let rootFD: Int32
    /// Whether openat2 works here; when it does not (kernel < 5.6, old seccomp profile), paths are
    /// resolved component by component instead.
    private let hasOpenat2: Bool
    /// The directories of the last paths opened, kept open, most recently used last (see `inParent`).
    private let openDirectories = Mutex<[OpenDirectory]>([])
    /// Directories resolved by hand: relative path as asked -> the same with every link resolved.
    private let resolvedDirectories = Mutex<[String: String]>([:])
    static let resolutionsKept = 4096

    private struct OpenDirectory {
        var path: String
        var fd: Int32
    }

    /// How many directories `inParent` keeps open.
    static let directoriesKept = 4

    /// Files larger than this are refused as `invalid` (sysfs attributes are at most a page; the
    /// largest file hvctl reads, /proc/interrupts on a 2048-CPU guest, is a few MiB).
    public static let defaultLimit = 16 << 20

    /// Opens `root`. Fails with the errno of the open when the root is not a readable directory.
    public convenience init(root: String) throws(ReadFailure) {
        try self.init(root: root, allowOpenat2: true)
    }

    /// `allowOpenat2: false` forces the by-hand resolution, so tests cover the fallback too.
    init(root: String, allowOpenat2: Bool) throws(ReadFailure) {
        self.root = root
        if root == "/" {
            rootFD = AT_FDCWD
            hasOpenat2 = false
            return
        }
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw RootFileReader.failure(errno) }
        rootFD = fd
        let probe = hvctl_open_in_root(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if probe >= 0 { close(probe) }
        hasOpenat2 = probe >= 0 && allowOpenat2
    }

    deinit {
        if rootFD != AT_FDCWD { close(rootFD) }
        openDirectories.withLock { directories in
            for directory in directories { close(directory.fd) }
        }
    }

    /// The bytes of a regular file, at most `limit` of them.
    public func file(at path: String, limit: Int = RootFileReader.defaultLimit) -> Result<[UInt8], ReadFailure> {
        let fd: Int32
        switch openBeneath(path, flags: O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) {
        case .success(let opened): fd = opened
        case .failure(let failure): return .failure(failure)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(RootFileReader.failure(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.unreadable(.EISDIR)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.invalid("not a regular file")) }
        return RootFileReader.readAll(fd, limit: limit)
    }

    /// A sysfs attribute in three system calls (open, one read, close): sysfs returns an
    /// attribute's whole `show()` output, at most a page, to a single read (`fs/sysfs/file.c`,
    /// `sysfs_kf_read`), and a regular file in a snapshot returns less than asked only at its end.
    /// Anything that fills the page is read on with `file(at:)`'s loop. Opened non-blocking, so a
    /// FIFO fails with EAGAIN instead of waiting; a directory fails with EISDIR.
    public func attributeBytes(at path: String) -> Result<[UInt8], ReadFailure> {
        let fd: Int32
        switch openBeneath(path, flags: O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) {
        case .success(let opened): fd = opened
        case .failure(let failure): return .failure(failure)
        }
        defer { close(fd) }
        // A stack page, and an array of just the bytes read: no 4 KiB heap block to fill and trim
        // for each of the thousands of attributes of a large guest.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { page in
            let count = read(fd, page.baseAddress, page.count)
            guard count >= 0 else { return .failure(RootFileReader.failure(errno)) }
            let bytes = Array(page[0..<count])
            if count < page.count { return .success(bytes) }
            return RootFileReader.readAll(fd, limit: RootFileReader.defaultLimit).map { bytes + $0 }
        }
    }

    /// An existing file beneath the root opened for writing (never created, never through a final
    /// link), for the sysfs writer seam.
    public func openForWriting(_ path: String) -> Result<Int32, ReadFailure> {
        openBeneath(path, flags: O_WRONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY)
    }

    /// Directory entries, sorted, without `.` and `..`.
    public func directory(at path: String) -> Result<[String], ReadFailure> {
        let fd: Int32
        switch openBeneath(path, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC) {
        case .success(let opened): fd = opened
        case .failure(let failure): return .failure(failure)
        }
        guard let stream = fdopendir(fd) else {
            let code = errno
            close(fd)
            return .failure(RootFileReader.failure(code))
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names.sorted())
    }

    /// The stored target of a symbolic link.
    public func link(at path: String) -> Result<String, ReadFailure> {
        let (parent, name) = RootFileReader.split(path)
        guard !name.isEmpty, name != ".", name != ".." else { return .failure(.invalid("not a symbolic link")) }
        let read = inParent(parent) { fd -> Result<String, ReadFailure> in
            var buffer = [CChar](repeating: 0, count: 4097)
            let count = readlinkat(fd, name, &buffer, 4096)
            guard count >= 0 else {
                let code = errno
                return .failure(code == EINVAL ? .invalid("not a symbolic link") : RootFileReader.failure(code))
            }
            let bytes = buffer[0..<count].map { UInt8(bitPattern: $0) }
            return .success(String(decoding: bytes, as: UTF8.self))
        }
        return read.flatMap { $0 }
    }

    /// Whether anything (file, directory, link) exists at `path`, without following a final link.
    public func exists(_ path: String) -> Bool {
        let (parent, name) = RootFileReader.split(path)
        let found = inParent(parent) { fd -> Bool in
            if name.isEmpty { return true }
            var info = stat()
            return fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0
        }
        return (try? found.get()) ?? false
    }

    // MARK: - Opening beneath the root

    /// Opens `path` by its name in its directory, which stays open for the next path in the same
    /// directory (the VMBus reader reads a dozen attributes per device and per channel): one path
    /// component to look up instead of the whole path, and in a snapshot the device link, every time.
    /// The name is one plain component opened with O_NOFOLLOW, so it cannot leave the directory,
    /// which was itself opened beneath the root. A final symbolic link (ELOOP) or any failure other
    /// than "no such name" or "no such directory" is retried along the whole path, whose answer is
    /// the authoritative one.
    private func openBeneath(_ path: String, flags: Int32) -> Result<Int32, ReadFailure> {
        let (parent, name) = RootFileReader.split(path)
        if !name.isEmpty, name != ".", name != ".." {
            let opened = inParent(parent) { fd -> Int32 in
                let child = openat(fd, name, flags | O_NOFOLLOW)
                return child >= 0 ? child : -errno
            }
            switch opened {
            case .success(let fd) where fd >= 0: return .success(fd)
            case .success(let fd) where -fd == ENOENT: return .failure(.absent)
            // No such directory: the whole path cannot resolve either (ENOENT or ENOTDIR there too).
            case .failure(.absent): return .failure(.absent)
            default: break
            }
        }
        return openPath(path, flags: flags)
    }

    /// Runs `body` on an open descriptor of the directory `parent`: one kept from an earlier call,
    /// else a newly opened one (O_PATH) that replaces the least recently used. A few are kept
    /// because a VMBus scan alternates between the devices directory, a device's and a channel's.
    /// Only ever directories this reader resolved beneath its root; used under a lock, so a reader
    /// shared by threads never has a descriptor closed under it. A kept directory that is removed
    /// and created anew (a device rescinded and offered again) reads as absent until it is evicted:
    /// a scan moves past it in milliseconds, but a reader kept to poll the same directories for
    /// long would need to drop them between polls.
    private func inParent<T>(_ parent: String, _ body: (Int32) -> T) -> Result<T, ReadFailure> {
        openDirectories.withLock { directories -> Result<T, ReadFailure> in
            if let index = directories.lastIndex(where: { $0.path == parent }) {
                let directory = directories[index]
                if index != directories.count - 1 { directories.append(directories.remove(at: index)) }
                return .success(body(directory.fd))
            }
            switch openPath(parent, flags: HVCTL_O_PATH | O_DIRECTORY | O_CLOEXEC) {
            case .success(let fd):
                if directories.count >= RootFileReader.directoriesKept { close(directories.removeFirst().fd) }
                directories.append(OpenDirectory(path: parent, fd: fd))
                return .success(body(fd))
            case .failure(let failure):
                return .failure(failure)
            }
        }
    }

    /// Opens `path` by resolving all of it beneath the root.
    private func openPath(_ path: String, flags: Int32) -> Result<Int32, ReadFailure> {
        if rootFD == AT_FDCWD {
            let fd = open(path.isEmpty ? "/" : path, flags)
            return fd >= 0 ? .success(fd) : .failure(RootFileReader.failure(errno))
        }
        let relative = RootFileReader.relative(path)
        if hasOpenat2 {
            // hvctl_open_in_root already retries EAGAIN (a rename raced with a `..` step); if the
            // races never stop, resolve by hand below rather than lose the file.
            let fd = hvctl_open_in_root(rootFD, relative, flags)
            if fd >= 0 { return .success(fd) }
            if -fd != EAGAIN { return .failure(RootFileReader.failure(-fd)) }
        }
        return resolveByHand(relative).flatMap { resolved in
            let fd = openat(rootFD, resolved.isEmpty ? "." : resolved, flags | O_NOFOLLOW)
            return fd >= 0 ? .success(fd) : .failure(RootFileReader.failure(errno))
        }
    }

    /// Resolves every link in `relative` by hand, clamping `..` and absolute targets to the root.
    /// Used where openat2 is unavailable (kernels before 5.6: Ubuntu 20.04's 5.4, RHEL 8's 4.18;
    /// valgrind 3.19), or keeps failing with EAGAIN. The directory part's resolution is kept
    /// (`resolvedDirectories`), so reading a channel's fifteen attributes resolves its directory
    /// once and then checks one component per file, not every component of every path (issue 15:
    /// the walk cost 150,000 instructions per path). A kept resolution that a rescind makes stale
    /// fails like a vanished file, as the kept descriptors of `inParent` do.
    private func resolveByHand(_ relative: String) -> Result<String, ReadFailure> {
        let (parent, name) = RootFileReader.split(relative)
        guard parent != ".", parent != "/", !name.isEmpty, name != ".", name != ".." else {
            return walkByHand(relative)
        }
        let base: String
        if let kept = resolvedDirectories.withLock({ $0[parent] }) {
            base = kept
        } else {
            switch resolveByHand(parent) {
            case .success(let resolved): base = resolved
            case .failure(let failure): return .failure(failure)
            }
            resolvedDirectories.withLock { kept in
                if kept.count >= RootFileReader.resolutionsKept { kept.removeAll(keepingCapacity: true) }
                kept[parent] = base
            }
        }
        let candidate = base.isEmpty ? name : base + "/" + name
        var info = stat()
        guard fstatat(rootFD, candidate, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            return .failure(RootFileReader.failure(errno))
        }
        guard (info.st_mode & S_IFMT) == S_IFLNK else { return .success(candidate) }
        return walkByHand(candidate)
    }

    /// The whole walk, one lookup per component.
    private func walkByHand(_ relative: String) -> Result<String, ReadFailure> {
        let walked = Result { () throws(ReadFailure) -> [String]? in
            try SymbolicLinkWalk.resolve(relative) { components throws(ReadFailure) -> String? in
                let candidate = components.joined(separator: "/")
                var info = stat()
                guard fstatat(rootFD, candidate, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                    throw RootFileReader.failure(errno)
                }
                guard (info.st_mode & S_IFMT) == S_IFLNK else { return nil }
                var buffer = [CChar](repeating: 0, count: 4097)
                let count = readlinkat(rootFD, candidate, &buffer, 4096)
                guard count >= 0 else { throw RootFileReader.failure(errno) }
                return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        }
        return walked.flatMap { components in
            guard let components else { return .failure(.unreadable(.ELOOP)) }
            return .success(components.joined(separator: "/"))
        }
    }

    // MARK: - Helpers

    static func readAll(_ fd: Int32, limit: Int) -> Result<[UInt8], ReadFailure> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(failure(errno))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { return .failure(.invalid("larger than \(limit) bytes")) }
            if chunk.count < 65536 && bytes.count >= chunk.count * 4 {
                chunk = [UInt8](repeating: 0, count: chunk.count * 4)
            }
        }
    }

    static func failure(_ code: Int32) -> ReadFailure {
        if code == ENOENT || code == ENOTDIR { return .absent }
        return .unreadable(Errno(code))
    }

    static func relative(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.first == "/" { trimmed.removeFirst() }
        return trimmed.isEmpty ? "." : String(trimmed)
    }

    /// Splits off the last component. On the UTF-8 buffer: `Substring.count` and `last` walk
    /// grapheme clusters, and even the Substring's UTF-8 view cost more than the open itself once
    /// every read calls this (issue 15).
    static func split(_ path: String) -> (parent: String, name: String) {
        var path = path
        return path.withUTF8 { bytes -> (parent: String, name: String) in
            let slash = UInt8(ascii: "/")
            var end = bytes.count
            while end > 1 && bytes[end - 1] == slash { end -= 1 }
            var cut = end - 1
            while cut >= 0 && bytes[cut] != slash { cut -= 1 }
            func text(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            guard cut >= 0 else { return (".", text(0..<end)) }
            return (cut == 0 ? "/" : text(0..<cut), text((cut + 1)..<end))
        }
    }
}
