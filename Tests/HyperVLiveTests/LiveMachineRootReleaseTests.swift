import HyperVKit
import Testing

@testable import HyperVLive

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 13: a `--root` tree's kernel release is the tree's (its osrelease, else `/proc/version`),
/// never the release of the kernel hvctl runs on; unknown when the tree holds neither.
@Suite struct LiveMachineRootReleaseTests {
    private func tree(_ files: [String: String]) throws -> TemporaryDirectory {
        let tree = try TemporaryDirectory(prefix: "hvctl-root-release-")
        for directory in ["/proc", "/proc/sys", "/proc/sys/kernel"] {
            try #require(mkdir(tree.path + directory, 0o700) == 0)
        }
        try LiveMachineTests.write("x86_64\n", to: tree.path + "/proc/sys/kernel/arch")
        for (path, text) in files { try LiveMachineTests.write(text, to: tree.path + path) }
        return tree
    }

    @Test func theTreesOwnReleaseOrNone() throws {
        let withRelease = try tree(["/proc/sys/kernel/osrelease": "6.8.0-1017-azure\n"])
        #expect(try LiveMachine(root: withRelease.path).kernelRelease == "6.8.0-1017-azure")
        let withVersion = try tree([
            "/proc/version": "Linux version 5.15.0-1079-azure (buildd@lcy02-amd64-031) (gcc 11.4.0) #88-Ubuntu SMP\n"
        ])
        #expect(try LiveMachine(root: withVersion.path).kernelRelease == "5.15.0-1079-azure")
        let without = try tree([:])
        #expect(try LiveMachine(root: without.path).kernelRelease == nil)
        // The live system itself keeps uname's release.
        #expect(try LiveMachine().kernelRelease != nil)
    }

    @Test func versionLines() {
        #expect(
            LiveMachine.releaseFromVersion("Linux version 6.1.0-37-amd64 (debian-kernel@lists.debian.org)")
                == "6.1.0-37-amd64")
        #expect(LiveMachine.releaseFromVersion("garbage") == nil)
    }
}
