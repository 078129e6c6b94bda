import Foundation
import Testing

@testable import HyperVKit

/// Links are resolved as the kernel resolves them, through `Machine.link` only.
@Suite struct MachinePathResolverTests {
    func machine(_ build: (ScratchDirectory) throws -> Void) throws -> (SnapshotMachine, ScratchDirectory) {
        let scratch = try ScratchDirectory()
        try scratch.writeManifest()
        try build(scratch)
        return (try SnapshotMachine(path: scratch.path), scratch)
    }

    @Test func resolvesRelativeAndAbsoluteLinksAndDotDotAfterALink() throws {
        let (machine, scratch) = try machine { tree in
            try tree.write("sys/devices/vmbus/dev0/class_id", "x\n")
            try tree.link("sys/bus/vmbus/devices/dev0", to: "../../../devices/vmbus/dev0")
            try tree.link("sys/class/dmi/id", to: "/sys/devices/virtual/dmi/id")
            try tree.link("sys/up", to: "devices/vmbus/dev0")
        }
        _ = scratch
        var resolver = MachinePathResolver(machine: machine)
        #expect(resolver.resolve("/sys/bus/vmbus/devices/dev0") == "/sys/devices/vmbus/dev0")
        #expect(resolver.resolve("/sys/bus/vmbus/devices/dev0/class_id") == "/sys/devices/vmbus/dev0/class_id")
        #expect(resolver.resolve("/sys/class/dmi/id/sys_vendor") == "/sys/devices/virtual/dmi/id/sys_vendor")
        // `..` goes up from where the link led, not from where it stands.
        #expect(resolver.resolve("/sys/up/../dev1") == "/sys/devices/vmbus/dev1")
        // `..` at the root stays there.
        #expect(resolver.resolve("/../../etc/passwd") == "/etc/passwd")
        #expect(resolver.linkTarget("/sys/bus/vmbus/devices/dev0") == "../../../devices/vmbus/dev0")
        #expect(resolver.linkTarget("/sys/devices/vmbus/dev0/class_id") == nil)
    }

    @Test func aLoopResolvesToNothing() throws {
        let (machine, scratch) = try machine { tree in
            try tree.link("sys/a", to: "b")
            try tree.link("sys/b", to: "a")
        }
        _ = scratch
        var resolver = MachinePathResolver(machine: machine)
        #expect(resolver.resolve("/sys/a") == nil)
    }

    /// What `SnapshotArchive` accepts back: relative targets that never climb above the root.
    @Test(arguments: [
        ("../../../devices/vmbus/dev0", "sys/bus/vmbus/devices/dev0", "../../../devices/vmbus/dev0"),
        ("/sys/devices/virtual/dmi/id", "sys/class/dmi/id", "../../devices/virtual/dmi/id"),
        ("/sys/bus/vmbus", "sys/devices/vmbus/dev0/subsystem", "../../../bus/vmbus"),
        ("./x", "sys/a", "./x"),
    ])
    func keepsOrRewritesTargetsRelative(_ target: String, _ link: String, _ expected: String) {
        #expect(MachinePathResolver.relativeTarget(target, linkPath: link) == expected)
    }

    @Test func refusesTargetsThatClimbOut() {
        #expect(MachinePathResolver.relativeTarget("../../../../etc", linkPath: "sys/bus/vmbus/x") == nil)
        #expect(MachinePathResolver.relativeTarget("", linkPath: "sys/x") == nil)
    }
}
