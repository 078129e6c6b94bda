#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// An open per-CPU device (`/dev/cpu/N/msr`, `/dev/cpu/N/cpuid`), or a regular file standing in
/// for one in a `--root` tree or a test.
///
/// The drivers count the file position in records, not bytes: `pread(fd, buf, 8, index)` reads MSR
/// `index` and the next MSR is at `index + 1` (`arch/x86/kernel/msr.c`); the cpuid driver reads
/// leaf `pos` and advances `pos` by one per 16 bytes (`arch/x86/kernel/cpuid.c`). A regular file
/// counts bytes, so there records at adjacent positions would overlap; a stand-in file therefore
/// holds record `p` at byte `p × recordSize`, which is the same layout counted in records.
struct CPUDeviceFile: Sendable {
    let fd: Int32
    /// 1 for a character device; the record size for a regular file.
    let stride: Int64

    init(fd: Int32, recordSize: Int64) {
        self.fd = fd
        var info = stat()
        let regular = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        self.stride = regular ? recordSize : 1
    }

    /// The byte offset of record `position`; nil when it does not fit a file offset.
    func offset(_ position: UInt64) -> off_t? {
        let (bytes, overflow) = position.multipliedReportingOverflow(by: UInt64(stride))
        guard !overflow, bytes <= UInt64(Int64.max) else { return nil }
        return off_t(Int64(bytes))
    }
}
