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
            var bytes = Array(text.utf8)
            // sysfs ignores the size; a regular file in a test copy must lose its old value.
            _ = ftruncate(fd, 0)
            let written = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 { return .failure(.unreadable(Errno(errno))) }
            guard written == bytes.count else { return .failure(.unreadable(.EIO)) }
            return .success(())
        }
    }
}
