import Foundation
import Testing

@testable import HyperVKit

/// The write flows end to end in the library, with the writer injected: plan, apply, roll back,
/// take offline, and the typed refusals the CLI maps to exit statuses (issue 16, item 4).
@Suite struct ChannelMoveFlowTests {
    private func fixture(_ name: String) throws -> SnapshotMachine {
        try SnapshotMachine(path: FixtureCPUIDToolTests.fixturesDirectory.appendingPathComponent(name).path)
    }

    private let applyForced = ChannelMoveFlow.Request(apply: true, force: true)

    /// azure-d8ds-v5's kernel log says `Vmbus version:5.3`, so moving is allowed without --force.
    private func evacuation(_ copy: FixtureCopy, _ cpus: [Int], offline: Bool = false) throws -> MovePlan {
        try ChannelMoveFlow.evacuation(
            CPUList(cpus), to: nil, offline: offline, request: .init(apply: true, force: false),
            machine: try copy.machine()
        ).get()
    }

    @Test func evacuatingMovesEveryChannelOffAndTakesTheCPUsOffline() throws {
        let copy = try FixtureCopy("azure-d8ds-v5")
        var plan = try evacuation(copy, [4, 5], offline: true)
        #expect(!plan.report.plan.moves.isEmpty)
        #expect(plan.warnings.isEmpty)
        let writer = TestWriter(root: copy.root)
        let failure = ChannelMoveFlow.apply(&plan, machine: try copy.machine(), writer: writer, journal: nil)
        #expect(failure == nil)
        #expect(ChannelMoveFlow.takeOffline(CPUList([4, 5]), plan: &plan, writer: writer))
        #expect(try copy.mapping().values.allSatisfy { ![4, 5].contains($0) })
        // The offline writes come after every move, one "0" per CPU, to the file CPUTopology reads.
        let offlineWrites = writer.writes.suffix(2)
        #expect(offlineWrites.map(\.path) == [CPUTopology.onlineFile(cpu: 4), CPUTopology.onlineFile(cpu: 5)])
        #expect(offlineWrites.allSatisfy { $0.text == "0\n" })
        #expect(plan.report.offline == [.init(cpu: 4, result: .done), .init(cpu: 5, result: .done)])
    }

    /// A failure at each write of the run (every move, then the offline write) leaves the channels
    /// where they were (moves undone) or says the kernel refused the CPU.
    @Test func aFaultAtEveryStepOfTheFlowIsUndoneOrSaid() throws {
        let probe = try FixtureCopy("azure-d8ds-v5")
        let moveCount = try evacuation(probe, [4, 5]).report.plan.moves.count
        #expect(moveCount >= 2)
        for position in 0...moveCount {
            let copy = try FixtureCopy("azure-d8ds-v5")
            let before = try copy.mapping()
            var plan = try evacuation(copy, [4, 5], offline: true)
            let writer = TestWriter(root: copy.root)
            writer.failOnCall = position
            writer.failWith = position == moveCount ? .unreadable(.EBUSY) : .unreadable(.EIO)
            let machine = try copy.machine()
            if let failure = ChannelMoveFlow.apply(&plan, machine: machine, writer: writer, journal: nil) {
                #expect(position < moveCount)
                #expect(!failure.isPermissionDenied)
                #expect(failure.description.hasSuffix("every move was undone"), "\(failure)")
                #expect(try copy.mapping() == before, "position \(position)")
                #expect(plan.report.outcome?.failure?.move == plan.report.plan.moves[position])
            } else {
                #expect(position == moveCount)
                #expect(!ChannelMoveFlow.takeOffline(CPUList([4, 5]), plan: &plan, writer: writer))
                #expect(plan.report.offline.first?.result == .busy)
                #expect(plan.report.offline.last?.result == .done)
                #expect(plan.report.offline.first?.result.description.contains("EBUSY") == true)
            }
        }
    }

    @Test func aDeniedWriteIsTypedAsPermission() throws {
        let copy = try FixtureCopy("azure-d8ds-v5")
        var plan = try evacuation(copy, [4])
        let writer = TestWriter(root: copy.root)
        writer.failOnCall = 0
        writer.failWith = .unreadable(.EACCES)
        let failure = try #require(
            ChannelMoveFlow.apply(&plan, machine: try copy.machine(), writer: writer, journal: nil))
        #expect(failure.isPermissionDenied)
    }

    /// A copy of azure-d8ds-v5 whose kernel log lost the `Vmbus version` line: the version is then
    /// inferred from the host build (5.3 for build 20348); without the host build line as well
    /// (and no cpuid.txt) it is unknown.
    private func logWithout(_ patterns: [String], dropCPUID: Bool) throws -> FixtureCopy {
        let copy = try FixtureCopy("azure-d8ds-v5")
        let log = copy.root + "/kernel.log"
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.filter { line in !patterns.contains { line.contains($0) } }
        try kept.joined(separator: "\n").write(toFile: log, atomically: true, encoding: .utf8)
        if dropCPUID { try FileManager.default.removeItem(atPath: copy.root + "/cpuid.txt") }
        return copy
    }

    @Test func anInferredVersionRefusesToApplyUnlessForced() throws {
        let copy = try logWithout(["Vmbus version"], dropCPUID: false)
        let machine = try copy.machine()
        let refused = ChannelMoveFlow.evacuation(
            CPUList([4]), to: nil, offline: false, request: .init(apply: true, force: false), machine: machine)
        #expect(throws: MoveRefusal.versionInferred(VMBusVersion(major: 5, minor: 3))) { try refused.get() }
        let forced = try ChannelMoveFlow.evacuation(
            CPUList([4]), to: nil, offline: false, request: applyForced, machine: machine
        ).get()
        #expect(forced.warnings.isEmpty)
    }

    @Test func anUnknownVersionRefusesToApplyUnlessForced() throws {
        let copy = try logWithout(["Vmbus version", "Host Build"], dropCPUID: true)
        let machine = try copy.machine()
        let refused = ChannelMoveFlow.evacuation(
            CPUList([4]), to: nil, offline: false, request: .init(apply: true, force: false), machine: machine)
        #expect(throws: MoveRefusal.versionUnknown) { try refused.get() }
        let forced = try ChannelMoveFlow.evacuation(
            CPUList([4]), to: nil, offline: false, request: applyForced, machine: machine
        ).get()
        #expect(forced.warnings == ["the negotiated VMBus version is unknown; moves need 4.1 or newer"])
        // Only planning needs no --force: the warning still says what is unknown.
        let planned = try ChannelMoveFlow.evacuation(
            CPUList([4]), to: nil, offline: false, request: .init(apply: false, force: false), machine: machine
        ).get()
        #expect(planned.warnings == forced.warnings)
    }

    /// ws2016-gen1's log says `Vmbus version:4.0`: no MODIFYCHANNEL, planning alone is refused.
    @Test func aVersionBelow41IsRefusedEvenToPlan() throws {
        let machine = try fixture("ws2016-gen1")
        let refused = ChannelMoveFlow.evacuation(
            CPUList([1]), to: nil, offline: false, request: .init(apply: false, force: true), machine: machine)
        #expect(throws: MoveRefusal.versionTooOld(VMBusVersion(major: 4, minor: 0))) { try refused.get() }
    }

    @Test func refusalsAreTypedAndClassified() throws {
        let machine = try fixture("azure-d8ds-v5")
        let cases: [(Result<MovePlan, MoveRefusal>, MoveRefusal)] = [
            (
                ChannelMoveFlow.evacuation(
                    CPUList([4]), to: CPUList([4]), offline: false, request: applyForced, machine: machine),
                .targetEvacuated(4)
            ),
            (
                ChannelMoveFlow.evacuation(
                    CPUList([0]), to: nil, offline: true, request: applyForced, machine: machine), .connectCPUOffline
            ),
            (
                ChannelMoveFlow.setCPU(device: "ffff", relid: 15, cpu: 1, request: applyForced, machine: machine),
                .deviceNotFound("ffff", matches: 0)
            ),
        ]
        for (result, expected) in cases {
            #expect(throws: expected) { try result.get() }
            #expect(expected.isUsageError)
        }
        let everything = ChannelMoveFlow.evacuation(
            CPUList(Array(0...7)), to: nil, offline: false, request: applyForced, machine: machine)
        guard case .failure(.noDestination) = everything else {
            Issue.record("evacuating every CPU planned \(everything)")
            return
        }
    }

    /// vmbus-broken's device 0b7d3e52 has state 0 (no driver): the kernel refuses to move its
    /// channel (EIO, reference §3.4), so set-cpu refuses and evacuate leaves it out, saying so.
    @Test func aDeviceThatIsNotOpenIsNeverMoved() throws {
        let machine = try fixture("vmbus-broken")
        let refused = ChannelMoveFlow.setCPU(
            device: "0b7d3e52", relid: 15, cpu: 1, request: applyForced, machine: machine)
        guard case .failure(.deviceNotOpen(_, let deviceID)) = refused else {
            Issue.record("set-cpu on a closed device gave \(refused)")
            return
        }
        #expect(deviceID == "0b7d3e52-c1a8-4f69-a2d4-8e5f07b31c96")
        #expect(MoveRefusal.deviceNotOpen(className: "x", deviceID: deviceID).isUsageError == false)
        let plan = try ChannelMoveFlow.evacuation(
            CPUList([0]), to: nil, offline: false, request: applyForced, machine: machine
        ).get()
        #expect(!plan.report.plan.moves.contains { $0.deviceID == deviceID })
        #expect(plan.warnings.contains { $0.contains(deviceID) && $0.contains("is not open") })
    }

    /// A journal's moves are undone last first; a channel that moved since is skipped, said.
    @Test func restoreSkipsAChannelThatMovedSince() throws {
        let copy = try FixtureCopy("azure-d8ds-v5")
        var plan = try evacuation(copy, [4, 5])
        let writer = TestWriter(root: copy.root)
        #expect(ChannelMoveFlow.apply(&plan, machine: try copy.machine(), writer: writer, journal: nil) == nil)
        let moves = plan.report.plan.moves
        let journal = MoveJournal(createdAt: "2026-12-04T00:00:00Z", tool: "test", machine: "m", moves: moves)
        // Someone moves the first channel elsewhere after the evacuation.
        let moved = moves[0]
        let elsewhere = (0...3).first { $0 != moved.to } ?? 0
        try Data("\(elsewhere)\n".utf8).write(to: URL(fileURLWithPath: copy.root + moved.path))
        let restore = try ChannelMoveFlow.restore(
            journal, named: "j.json", request: applyForced, machine: try copy.machine()
        ).get()
        #expect(restore.report.plan.moves == Array(moves.dropFirst().reversed().map(\.reversed)))
        #expect(restore.warnings.contains { $0.contains("channel \(moved.relid)") && $0.contains("skipped") })
    }
}
