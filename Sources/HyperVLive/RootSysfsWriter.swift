internal import CAffinity
import HyperVKit

#if canImport(Glibc)
    import Glibc
#endif

/// Writes sysfs attributes beneath a root (`/` on the live system, a copy of a fixture in tests):
/// one open, one write, so the kernel's store routine sees the whole value at once and its errno
/// comes back unchanged.
public struct RootSysfsWriter: SysfsWriter {
    private let reader: RootFileReader

    public init(root: String) throws(ReadFailure) {
        reader = try RootFileReader(root: root)
    }

    public func write(_ text: String, to path: String) -> Result<Void, ReadFailure> {
        reader.openForWriting(path).flatMap { fd in
            defer { close(fd) }
            let bytes = Array(text.utf8)
            // One write(2): a sysfs store routine sees the whole value at once. A short write is EIO.
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 { return .failure(.unreadable(Errno(errno))) }
            guard written == bytes.count else { return .failure(.unreadable(.EIO)) }
            // A regular file in a --root copy keeps its old tail after a shorter value: cut it only
            // now, so a failed write leaves the old value whole (never an empty file). Sysfs
            // ignores the file size and is left alone.
            if !RootSysfsWriter.isSysfs(fd) { _ = ftruncate(fd, off_t(written)) }
            return .success(())
        }
    }

    /// SYSFS_MAGIC (`include/uapi/linux/magic.h`).
    static let sysfsMagic = 0x6265_6572

    static func isSysfs(_ fd: Int32) -> Bool {
        hvctl_filesystem_type(fd) == sysfsMagic
    }
}
