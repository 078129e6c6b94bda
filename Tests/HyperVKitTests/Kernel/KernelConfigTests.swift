import Foundation
import Testing

@testable import HyperVKit

/// The config formats of `scripts/kconfig/confdata.c` and the gzip of `/proc/config.gz`.
@Suite struct KernelConfigTests {
    /// `gzip -9n` of "# CONFIG_HYPERV_NET is not set\nCONFIG_HYPERV=m\n" (Python's gzip module,
    /// mtime 0): what `/proc/config.gz` holds, in miniature.
    static let gzipped: [UInt8] = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x53, 0x56, 0x70, 0xf6, 0xf7, 0x73, 0xf3, 0x74,
        0x8f, 0xf7, 0x88, 0x0c, 0x70, 0x0d, 0x0a, 0x8b, 0xf7, 0x73, 0x0d, 0x51, 0xc8, 0x2c, 0x56, 0xc8, 0xcb, 0x2f,
        0x51, 0x28, 0x4e, 0x2d, 0xe1, 0x42, 0x91, 0xb4, 0xcd, 0xe5, 0x02, 0x00, 0x32, 0x59, 0x57, 0x87, 0x2f, 0x00,
        0x00, 0x00,
    ]

    @Test func gunzip() throws {
        let bytes = try Gunzip.decompress(Self.gzipped).get()
        #expect(String(decoding: bytes, as: UTF8.self) == "# CONFIG_HYPERV_NET is not set\nCONFIG_HYPERV=m\n")
    }

    @Test func gunzipRefusesDamage() {
        #expect(throws: ReadFailure.self) { try Gunzip.decompress(Array(Self.gzipped.prefix(30))).get() }
        #expect(throws: ReadFailure.self) { try Gunzip.decompress(Array("CONFIG_HYPERV=m\n".utf8)).get() }
        var corrupt = Self.gzipped
        corrupt[20] ^= 0xFF
        #expect(throws: ReadFailure.self) { try Gunzip.decompress(corrupt).get() }
        #expect(throws: ReadFailure.self) { try Gunzip.decompress(Self.gzipped, limit: 10).get() }
    }

    @Test func parsesEveryForm() {
        let config = KernelConfig.parse(
            """
            #
            # Automatically generated file; DO NOT EDIT.
            # Linux/x86 6.1.192 Kernel Configuration
            #
            CONFIG_HYPERV=m
            CONFIG_HYPERV_TIMER=y
            # CONFIG_HYPERV_TESTING is not set
            CONFIG_LOCALVERSION="-cloud-amd64"
            CONFIG_HZ=250\r
            CONFIG_lower=y
            CONFIG_X86_MSR=n
            garbage CONFIG_HYPERV_NET=y
            """)
        #expect(config["CONFIG_HYPERV"] == .module)
        #expect(config["CONFIG_HYPERV_TIMER"] == .builtIn)
        #expect(config["CONFIG_HYPERV_TESTING"] == .notSet)
        #expect(config["CONFIG_LOCALVERSION"] == .other("\"-cloud-amd64\""))
        #expect(config["CONFIG_HZ"] == .other("250"))
        #expect(config["CONFIG_X86_MSR"] == .notSet)
        #expect(config["CONFIG_lower"] == nil)
        #expect(config["CONFIG_HYPERV_NET"] == nil)
        #expect(config.values.count == 6)
    }

    /// /proc/config.gz wins over /boot/config-<release>; without either, the reading says what
    /// it tried.
    @Test func readerOrder() throws {
        let scratch = try ScratchDirectory()
        let root = scratch.path
        try FileManager.default.createDirectory(atPath: root + "/boot", withIntermediateDirectories: true)
        try Data(
            """
            {"format": 1, "createdAt": "2026-03-14T10:22:31Z", "tool": "hvctl 0.1.0", "arch": "x86_64",
             "kernelRelease": "6.1.0-37-amd64"}
            """.utf8
        ).write(to: URL(fileURLWithPath: root + "/hvctl-snapshot.json"))
        let none = KernelConfigReader.read(try SnapshotMachine(path: root))
        #expect(none.source == nil)
        #expect(none.config == nil)
        #expect(none.tried == ["/proc/config.gz", "/boot/config-6.1.0-37-amd64"])
        #expect(none.diagnostics.isEmpty)

        try Data("CONFIG_HYPERV=y\n".utf8).write(to: URL(fileURLWithPath: root + "/boot/config-6.1.0-37-amd64"))
        let boot = KernelConfigReader.read(try SnapshotMachine(path: root))
        #expect(boot.source == "/boot/config-6.1.0-37-amd64")
        #expect(boot.config?["CONFIG_HYPERV"] == .builtIn)

        try FileManager.default.createDirectory(atPath: root + "/proc", withIntermediateDirectories: true)
        try Data(Self.gzipped).write(to: URL(fileURLWithPath: root + "/proc/config.gz"))
        let proc = KernelConfigReader.read(try SnapshotMachine(path: root))
        #expect(proc.source == "/proc/config.gz")
        #expect(proc.config?["CONFIG_HYPERV"] == .module)
        #expect(proc.config?["CONFIG_HYPERV_NET"] == .notSet)
    }

    /// A damaged /proc/config.gz is a warning, and /boot is used instead.
    @Test func damagedProcConfigFallsBack() throws {
        let scratch = try ScratchDirectory()
        let root = scratch.path
        try FileManager.default.createDirectory(atPath: root + "/proc", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/boot", withIntermediateDirectories: true)
        try Data(
            #"{"format": 1, "createdAt": "2026-03-14T10:22:31Z", "tool": "t", "arch": "x86_64", "kernelRelease": "6.1.0"}"#
                .utf8
        ).write(to: URL(fileURLWithPath: root + "/hvctl-snapshot.json"))
        try Data(Self.gzipped.prefix(25)).write(to: URL(fileURLWithPath: root + "/proc/config.gz"))
        try Data("CONFIG_HYPERV=m\n".utf8).write(to: URL(fileURLWithPath: root + "/boot/config-6.1.0"))
        let reading = KernelConfigReader.read(try SnapshotMachine(path: root))
        #expect(reading.source == "/boot/config-6.1.0")
        #expect(reading.diagnostics.map(\.path) == ["/proc/config.gz"])
        #expect(reading.diagnostics.first?.message.contains("truncated gzip data") == true)
    }
}
