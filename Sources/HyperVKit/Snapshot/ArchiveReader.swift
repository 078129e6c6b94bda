import CArchive

#if canImport(Glibc)
    import Glibc
#endif

/// One member of a tar archive as libarchive decoded it (ustar, GNU and pax headers alike, long
/// names and pax `path`/`linkpath` records already applied).
struct ArchiveMember {
    enum Kind: Equatable {
        case file, directory, hardLink, sparse, other
        case symbolicLink(target: String)
    }

    var name: String
    var kind: Kind
    /// The size the header claims (for a file, the bytes that follow it).
    var size: Int
}

/// A tar stream read through libarchive with only the tar format and the gzip, xz, bzip2 and zstd
/// filters registered: nothing else is ever tried on an archive a user hands in, and a static
/// link carries only those decompressors. Members come one at a time and data in 64 KiB chunks,
/// so memory stays bounded whatever the archive claims; libarchive itself refuses a pax or GNU
/// long-name header over 1 MiB ("Special header too large"; checked with a 300 MiB pax record).
final class ArchiveReader {
    private let handle: OpaquePointer
    private static let chunkSize = 64 << 10

    init(path: String) throws(SnapshotArchive.ArchiveError) {
        guard let handle = archive_read_new() else {
            throw SnapshotArchive.ArchiveError(message: "cannot start libarchive (out of memory)")
        }
        self.handle = handle
        archive_read_support_filter_gzip(handle)
        archive_read_support_filter_xz(handle)
        archive_read_support_filter_bzip2(handle)
        archive_read_support_filter_zstd(handle)
        archive_read_support_format_tar(handle)
        guard archive_read_open_filename(handle, path, ArchiveReader.chunkSize) == ARCHIVE_OK else {
            throw SnapshotArchive.ArchiveError(message: lastError)
        }
    }

    deinit { archive_read_free(handle) }

    /// Bytes of decompressed tar stream consumed so far (headers, data and padding).
    var expanded: Int { Int(archive_filter_bytes(handle, 0)) }

    /// libarchive's message for the last failure, on one line.
    private var lastError: String {
        guard let text = archive_error_string(handle) else { return "unreadable archive" }
        let message = String(cString: text).split(whereSeparator: \.isNewline).joined(separator: " ")
        return message.isEmpty ? "unreadable archive" : message
    }

    /// The next member, or nil at the end of the archive.
    func next() throws(SnapshotArchive.ArchiveError) -> ArchiveMember? {
        var entry: OpaquePointer?
        let status = archive_read_next_header(handle, &entry)
        if status == ARCHIVE_EOF { return nil }
        // ARCHIVE_WARN is a header libarchive could read with a note (an unknown pax key, say).
        guard status >= ARCHIVE_WARN, let entry else { throw SnapshotArchive.ArchiveError(message: lastError) }
        guard let rawName = archive_entry_pathname(entry) else {
            throw SnapshotArchive.ArchiveError(message: "a member whose name cannot be read")
        }
        let name = String(cString: rawName)
        let size = archive_entry_size_is_set(entry) != 0 ? Int(archive_entry_size(entry)) : 0
        guard size >= 0 else { throw SnapshotArchive.ArchiveError(message: "bad member size in \(name)") }
        let kind: ArchiveMember.Kind
        if archive_entry_hardlink(entry) != nil {
            kind = .hardLink
        } else if archive_entry_sparse_count(entry) > 0 {
            kind = .sparse
        } else {
            // AE_IFREG and friends are casts Swift does not import; on Linux they are the POSIX values.
            switch archive_entry_filetype(entry) {
            case S_IFREG: kind = .file
            case S_IFDIR: kind = .directory
            case S_IFLNK:
                kind = .symbolicLink(target: archive_entry_symlink(entry).map { String(cString: $0) } ?? "")
            default: kind = .other
            }
        }
        return ArchiveMember(name: name, kind: kind, size: size)
    }

    /// Writes the current member's data to `fd` chunk by chunk, stopping as soon as the stream
    /// passes `limit` decompressed bytes.
    func copyData(of member: ArchiveMember, to fd: Int32, name: String, limit: Int) throws(SnapshotArchive.ArchiveError)
    {
        var buffer = [UInt8](repeating: 0, count: ArchiveReader.chunkSize)
        var written = 0
        while true {
            let got = buffer.withUnsafeMutableBytes { raw in
                archive_read_data(handle, raw.baseAddress, raw.count)
            }
            if got < 0 { throw SnapshotArchive.ArchiveError(message: lastError) }
            if got == 0 { break }
            written += got
            guard written <= member.size, expanded <= limit else {
                throw SnapshotArchive.ArchiveError(
                    message: "it expands to more than \(limit) bytes (a decompression bomb, or not a snapshot)")
            }
            if let code = AtomicFile.writeAll(fd, got == buffer.count ? buffer : Array(buffer[0..<got])) {
                throw SnapshotArchive.ArchiveError(message: "cannot write \(name): \(code.message)")
            }
        }
    }
}
