internal import CAffinity
import HyperVKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The running kernel's log, as `dmesg` prints it.
///
/// /dev/kmsg first (one record per read(), Documentation/ABI/testing/dev-kmsg), then syslog(2)
/// SYSLOG_ACTION_READ_ALL when /dev/kmsg cannot be opened or yields nothing (absent in a container,
/// a symlink to /dev/null, ...). With kernel.dmesg_restrict=1 both need CAP_SYSLOG and fail with EPERM;
/// the failure keeps the errno so the CLI can add its hint.
enum KernelLogReader {
    /// The most raw log bytes read: a printk buffer is at most 32 MiB (CONFIG_LOG_BUF_SHIFT ≤ 25), and
    /// a log flooded while it is read must not keep the reader going forever.
    static let limit = 64 << 20
    /// Large enough for any record: the kernel formats one into CONSOLE_EXT_LOG_MAX (8192) bytes and
    /// fails the read with EINVAL when the buffer is smaller (`devkmsg_read()`, kernel/printk/printk.c).
    static let recordBufferSize = 16_384

    static func readLog(kmsgPath: String = KernelLogSource.kmsgPath) -> Result<[String], ReadFailure> {
        let kmsg = readKmsg(path: kmsgPath)
        if case .success(let lines) = kmsg, !lines.isEmpty { return kmsg }
        let syslog = readSyslog()
        switch (kmsg, syslog) {
        case (.success, .success(let lines)) where lines.isEmpty: return kmsg
        case (_, .success): return syslog
        case (.success, .failure): return kmsg
        case (.failure(let kmsgFailure), .failure(let syslogFailure)):
            return .failure(syslogFailure.isPermissionDenied ? syslogFailure : kmsgFailure)
        }
    }

    /// Every record /dev/kmsg holds now, read without blocking until EAGAIN.
    static func readKmsg(path: String) -> Result<[String], ReadFailure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return .failure(failure(errno)) }
        defer { close(fd) }
        var lines: [String] = []
        var buffer = [UInt8](repeating: 0, count: recordBufferSize)
        var total = 0
        while total < limit {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count > 0 {
                total += count
                if let record = KmsgRecord.parse(buffer[..<count]) { lines += record.dmesgLines }
                continue
            }
            let code = errno
            switch code {
            case EAGAIN: return .success(lines)
            // EPIPE: records were overwritten and the position moved to the oldest one left. EINVAL: a
            // record longer than the buffer, already skipped by the kernel. Both count toward the bound.
            case EPIPE, EINVAL: total += 1024
            case EINTR: continue
            default: return lines.isEmpty ? .failure(failure(code)) : .success(lines)
            }
        }
        return .success(lines)
    }

    /// The whole log through syslog(2), without clearing it.
    static func readSyslog() -> Result<[String], ReadFailure> {
        let size = hvctl_klog_size()
        guard size >= 0 else { return .failure(failure(-size)) }
        guard size > 0 else { return .success([]) }
        let capacity = min(Int(size), limit)
        var buffer = [CChar](repeating: 0, count: capacity)
        let count = buffer.withUnsafeMutableBufferPointer { pointer -> Int32 in
            guard let base = pointer.baseAddress else { return -EINVAL }
            return hvctl_klog_read_all(base, Int32(pointer.count))
        }
        guard count >= 0 else { return .failure(failure(-count)) }
        return .success(DmesgText.syslogLines(buffer[..<Int(count)].map { UInt8(bitPattern: $0) }))
    }

    /// ENOENT (no /dev/kmsg) is `absent`; every other errno is kept (EPERM, EACCES, ENOSYS without
    /// CONFIG_PRINTK).
    static func failure(_ code: Int32) -> ReadFailure {
        code == ENOENT ? .absent : .unreadable(Errno(code))
    }
}
