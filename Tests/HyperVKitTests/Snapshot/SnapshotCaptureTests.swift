import Foundation
import Testing

@testable import HyperVKit

/// `hvctl snapshot` on snapshots (docs/snapshot-format.md): capturing a snapshot reproduces it.
@Suite struct SnapshotCaptureTests {
    /// What a fixture holds that a capture does not: the fixture's own notes, and what the
    /// snapshot format does not name (a BIOS machine's `sys/firmware/acpi`: the capture keeps
    /// `sys/firmware/` itself, which is what `VMGeneration` looks at).
    static func outsideTheFormat(_ path: String) -> Bool {
        path == "PROVENANCE.md" || path.hasPrefix("sys/firmware/acpi")
    }

    /// Every file, link and directory of a fixture's `sys/`, `proc/`, `var/` is in its capture, byte for
    /// byte; the manifest records the same unreadable files; the kernel log keeps a subset of lines.
    @Test(arguments: CaptureFixtures.names)
    func capturingAFixtureReproducesIt(_ name: String) throws {
        let machine = try SnapshotMachine(path: CaptureFixtures.path(name))
        let (out, summary) = try captureForTest(machine)
        let original = TreeWalker.entries(CaptureFixtures.path(name))
        let captured = TreeWalker.entries(out.path)
        // Skipped files are named by the path hvctl reads (through the device link); the tree holds
        // them where the link leads.
        var resolver = MachinePathResolver(machine: machine)
        let skipped = Set((summary.manifest.skipped ?? [:]).keys.compactMap { resolver.resolve("/" + $0)?.dropFirst() })
        for (path, entry) in original.sorted(by: { $0.key < $1.key })
        where ["sys", "proc", "var"].contains(where: { path.hasPrefix($0) }) && !Self.outsideTheFormat(path) {
            if skipped.contains(Substring(path)) {
                #expect(captured[path] == nil, "\(name): \(path) is skipped yet captured")
            } else if path.hasSuffix(".gz"), case .file(let bytes) = entry, case .file(let mine)? = captured[path] {
                // The capture recompresses the filtered config: compare what it says, not its deflate bytes.
                #expect(try Gunzip.decompress(mine).get() == Gunzip.decompress(bytes).get(), "\(name): \(path)")
            } else {
                #expect(captured[path] == entry, "\(name): \(path)")
            }
        }
        for path in captured.keys where ["sys", "proc", "var"].contains(where: { path.hasPrefix($0) }) {
            #expect(original[path] != nil, "\(name): \(path) captured from nowhere")
        }
        #expect(summary.manifest.unreadable == machine.manifest.unreadable)
        #expect(summary.manifest.arch == machine.manifest.arch)
        #expect(summary.manifest.kernelRelease == machine.manifest.kernelRelease)
        // A fixture without a readable log (issue 13's partial captures) gives a capture without one.
        guard let originalLog = try? machine.kernelLog().get() else {
            #expect(summary.manifest.kernelLogFilter == nil)
            return
        }
        #expect(summary.manifest.kernelLogFilter == KernelLogFilter.summary)
        let log = try SnapshotMachine(path: out.path).kernelLog().get()
        #expect(Set(log).isSubset(of: Set(originalLog)))
    }

    /// Leaves 0x0, 0x1 and the hypervisor leaves the readers use, for every online CPU.
    @Test(arguments: CaptureFixtures.names)
    func capturesTheCPUIDTheReadersUse(_ name: String) throws {
        let machine = try SnapshotMachine(path: CaptureFixtures.path(name))
        let (out, _) = try captureForTest(machine)
        let replay = try SnapshotMachine(path: out.path)
        #expect(replay.cpuidCPUs == machine.cpuidCPUs)
        for cpu in machine.cpuidCPUs {
            #expect(HypervisorLeafReader.read(replay, cpu: cpu) == HypervisorLeafReader.read(machine, cpu: cpu))
            for leaf: UInt32 in [0, 1] {
                #expect(
                    replay.cpuid(leaf: leaf, subleaf: 0, cpu: cpu) == machine.cpuid(leaf: leaf, subleaf: 0, cpu: cpu))
            }
        }
    }

    /// A binary attribute is left out and listed; a replay reads it as the original did.
    @Test func skipsBinaryAttributesAndRing() throws {
        let scratch = try ScratchDirectory()
        try scratch.writeManifest()
        let device = "sys/devices/vmbus/dev0"
        try scratch.link("sys/bus/vmbus/devices/dev0", to: "../../../devices/vmbus/dev0")
        try scratch.write(device + "/class_id", "{ba6163d9-04a1-4d29-b605-72e2ffb1dc7f}\n")
        try scratch.write(device + "/numa_node", [0, 1, 2, 0xFF])
        try scratch.write(device + "/channels/14/ring", [0, 0, 0, 0])
        try scratch.write(device + "/channels/14/cpu", "3\n")
        let (out, summary) = try captureForTest(try SnapshotMachine(path: scratch.path))
        let captured = TreeWalker.entries(out.path)
        #expect(captured[device + "/class_id"] != nil)
        #expect(captured[device + "/channels/14/cpu"] == .file(Array("3\n".utf8)))
        #expect(captured[device + "/numa_node"] == nil)
        #expect(captured[device + "/channels/14/ring"] == nil)
        #expect(summary.manifest.skipped == ["sys/bus/vmbus/devices/dev0/numa_node": SnapshotCapture.binary])
        let replay = try SnapshotMachine(path: out.path)
        #expect(
            replay.attribute(at: "/sys/bus/vmbus/devices/dev0/numa_node") == .failure(.invalid(SnapshotCapture.binary)))
        #expect(try replay.directory(at: "/sys/bus/vmbus/devices/dev0").get().contains("numa_node"))
    }

    /// A link that leads out of /sys, absolute or by `..`, is never followed: the capture holds
    /// neither the link nor what it leads to, and says so.
    @Test func neverFollowsALinkOutOfSys() throws {
        let scratch = try ScratchDirectory()
        try scratch.writeManifest()
        try scratch.write("etc/secret", "hunter2\n")
        try scratch.write("etc/class_id", "hunter3\n")
        try scratch.link("sys/bus/vmbus/devices/evil", to: "/etc")
        try scratch.link("sys/bus/vmbus/devices/climb", to: "../../../../../etc")
        try scratch.link("sys/class/dmi/id", to: "/etc")
        try scratch.link("sys/devices/system/cpu/online", to: "/etc/secret")
        try scratch.link("var/lib/hyperv/.kvp_pool_3", to: "/etc/secret")
        let (out, summary) = try captureForTest(try SnapshotMachine(path: scratch.path))
        #expect(!TreeWalker.allText(out.path).contains("hunter"))
        for (path, entry) in TreeWalker.entries(out.path) {
            #expect(!path.hasPrefix("etc"))
            if case .link(let target) = entry { #expect(!target.contains("etc"), "\(path) -> \(target)") }
        }
        let skipped = summary.manifest.skipped ?? [:]
        for path in [
            "sys/bus/vmbus/devices/evil", "sys/bus/vmbus/devices/climb", "sys/class/dmi/id",
            "sys/devices/system/cpu/online", "var/lib/hyperv/.kvp_pool_3",
        ] {
            #expect(skipped[path]?.contains("not followed") == true, "\(path): \(skipped[path] ?? "not skipped")")
        }
    }

    /// A write-only driver-core attribute is a presence marker, not an unreadable file.
    @Test func keepsWriteOnlyAttributesAsEmptyMarkers() throws {
        let scratch = try ScratchDirectory()
        try scratch.writeManifest(
            extra:
                #", "unreadable": {"sys/bus/vmbus/drivers/hv_netvsc/bind": "EACCES", "sys/bus/vmbus/hibernation": "EIO"}"#
        )
        try scratch.write("sys/bus/vmbus/drivers/hv_netvsc/new_id", "")
        let (out, summary) = try captureForTest(try SnapshotMachine(path: scratch.path))
        let captured = TreeWalker.entries(out.path)
        #expect(captured["sys/bus/vmbus/drivers/hv_netvsc/bind"] == .file([]))
        #expect(summary.manifest.unreadable == ["sys/bus/vmbus/hibernation": "EIO"])
    }

    /// The tree is bounded; the manifest is always written and says where the capture stopped.
    @Test func stopsAtTheLimitAndSaysSo() throws {
        let machine = try SnapshotMachine(path: CaptureFixtures.path("azure-d8ds-v5"))
        let (out, summary) = try captureForTest(machine) { CaptureTree(root: $0, entryLimit: 50) }
        let captured = TreeWalker.entries(out.path)
        #expect(captured.count == 51)
        #expect(captured[SnapshotManifest.fileName] != nil)
        let reason = try #require(summary.manifest.skipped?.values.first { $0.hasPrefix("capture limit reached") })
        #expect(reason.contains("50 entries"))
        #expect(try SnapshotMachine(path: out.path).manifest.format == 1)
    }
}
