import HyperVKit
import Testing

@testable import HyperVLive

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct LiveMachineTests {
    @Test func describesItself() throws {
        let machine = try LiveMachine()
        #expect(machine.origin == "live system")
        #if arch(x86_64)
            #expect(machine.architecture == .x86_64)
        #elseif arch(arm64)
            #expect(machine.architecture == .aarch64)
        #endif
        let release = try #require(machine.kernelRelease)
        #expect(!release.isEmpty)
        #expect(machine.text(at: "/proc/sys/kernel/osrelease") == .success(release + "\n"))
    }

    /// Another root: files (osrelease included) come from the tree, the rest stays the system's.
    @Test func readsFilesFromAnotherRoot() throws {
        let tree = try TemporaryDirectory(prefix: "hvctl-root-")
        for directory in [
            "/proc", "/proc/sys", "/proc/sys/kernel", "/sys", "/sys/devices", "/sys/devices/system",
            "/sys/devices/system/cpu",
        ] {
            try #require(mkdir(tree.path + directory, 0o700) == 0)
        }
        try Self.write("6.1.0-99-cloud-amd64\n", to: tree.path + "/proc/sys/kernel/osrelease")
        try Self.write("0\n", to: tree.path + "/sys/devices/system/cpu/online")
        let machine = try LiveMachine(root: tree.path)
        #expect(machine.origin == "live system, files from \(tree.path)")
        #expect(machine.kernelRelease == "6.1.0-99-cloud-amd64")
        #expect(machine.attribute(at: "/sys/devices/system/cpu/online") == .success("0"))
        if LiveCPUID.isAvailable { #expect(machine.cpuidCPUs() == [0]) }
    }

    @Test func missingRootFails() {
        #expect(throws: ReadFailure.self) { try LiveMachine(root: "/nonexistent-hvctl-root") }
    }

    @Test func knowsTheArchitecturesHvctlReads() {
        #expect(UnameInfo.architecture(machine: "x86_64") == .x86_64)
        #expect(UnameInfo.architecture(machine: "aarch64") == .aarch64)
        #expect(UnameInfo.architecture(machine: "i686") == nil)
    }

    /// The kernel log as root: lines as dmesg prints them, from /dev/kmsg and from syslog(2) alike.
    @Test(.enabled(if: LiveConditions.kernelLogIsReadable, "the kernel log is not readable here"))
    func readsTheKernelLog() throws {
        let lines = try LiveMachine().kernelLog().get()
        #expect(!lines.isEmpty)
        let syslog = try KernelLogReader.readSyslog().get()
        #expect(!syslog.isEmpty)
        let kmsg = try KernelLogReader.readKmsg(path: "/dev/kmsg").get()
        #expect(kmsg.allSatisfy { $0.hasPrefix("[") && $0.contains("]") })
        // Both interfaces print a record the same way (with printk.time=1, syslog(2) stamps lines too);
        // /dev/kmsg, read second, holds every record syslog(2) had.
        if let last = syslog.last, last.hasPrefix("[") { #expect(kmsg.contains(last)) }
    }

    /// A path that is not /dev/kmsg: absent gives `absent`, an empty file no lines.
    @Test func kmsgPathFailures() throws {
        #expect(KernelLogReader.readKmsg(path: "/nonexistent-hvctl-kmsg") == .failure(.absent))
        #expect(KernelLogReader.readKmsg(path: "/dev/null") == .success([]))
    }

    static func write(_ text: String, to path: String) throws {
        let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0o600)
        try #require(fd >= 0)
        defer { close(fd) }
        let written = Array(text.utf8).withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        try #require(written == text.utf8.count)
    }
}
