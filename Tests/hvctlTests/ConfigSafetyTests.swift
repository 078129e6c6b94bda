import Foundation
import HyperVKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 12: a configuration is checked before it is read (regular file, size) and before toml++
/// sees it (depth, key count); every refusal is one line naming the file, exit 65.
@Suite struct ConfigSafetyTests {
    private func health(_ config: String) throws -> CommandHarness.ProcessResult {
        try CommandHarness.runBinary([
            "--snapshot", FixturePaths.snapshot("azure-d8ds-v5"), "health", "--config", config,
        ])
    }

    /// One stderr line, starting with the path as given.
    private func expectRefused(_ result: CommandHarness.ProcessResult, _ path: String, _ words: String) {
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("hvctl: \(path)"), "\(result.stderr)")
        #expect(result.stderr.contains(words), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// 160k nested keys crashed toml++ (SIGSEGV): now refused before it parses.
    @Test func aDeeplyNestedTOMLFileIsRefused() throws {
        let directory = try TemporaryDirectory(prefix: "hvctl-config-")
        let path = directory.path + "/deep.toml"
        let header = "[" + Array(repeating: "a", count: 160_000).joined(separator: ".") + "]\nx = 1\n"
        try Data(header.utf8).write(to: URL(fileURLWithPath: path))
        expectRefused(try health(path), path, "nested more than 32 levels deep")
        let inline = directory.path + "/inline.toml"
        try Data(("x = " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "\n").utf8)
            .write(to: URL(fileURLWithPath: inline))
        expectRefused(try health(inline), inline, "nested more than 32 levels deep")
    }

    @Test func tooManyKeysAreRefused() throws {
        let directory = try TemporaryDirectory(prefix: "hvctl-config-")
        let path = directory.path + "/many.toml"
        let text = (0..<20_000).map { "k\($0) = 1\n" }.joined()
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        expectRefused(try health(path), path, "more than 10000 keys and values")
        let json = directory.path + "/many.json"
        try Data(("{" + (0..<20_000).map { "\"k\($0)\": 1" }.joined(separator: ",") + "}").utf8)
            .write(to: URL(fileURLWithPath: json))
        expectRefused(try health(json), json, "more than 10000 keys and values")
    }

    /// A sparse 2 GiB file was read whole (2.1 GB RSS) before the size check.
    @Test func aHugeFileIsRefusedWithoutReadingIt() throws {
        let directory = try TemporaryDirectory(prefix: "hvctl-config-")
        let path = directory.path + "/huge.toml"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        #expect(fd >= 0 && ftruncate(fd, 2 << 30) == 0)
        close(fd)
        expectRefused(try health(path), path, "is 2147483648 bytes, more than the 1048576 bytes allowed")
    }

    /// A FIFO hung or was reported as "permission denied" (77); /dev/zero likewise.
    @Test func aFIFOADeviceOrADirectoryIsNamedForWhatItIs() throws {
        let directory = try TemporaryDirectory(prefix: "hvctl-config-")
        let fifo = directory.path + "/health.toml"
        #expect(mkfifo(fifo, 0o600) == 0)
        expectRefused(try health(fifo), fifo, "is a FIFO, not a regular file")
        expectRefused(try health("/dev/zero"), "/dev/zero", "is a character device, not a regular file")
        expectRefused(try health(directory.path), directory.path, "is a directory, not a regular file")
        expectRefused(try health(directory.path + "/none.toml"), directory.path + "/none.toml", "no such file")
    }
}
