import Testing

@testable import HyperVKit

/// Issue 4: --apply writes exactly the planned values; a failure injected at every position of a
/// plan rolls back to the exact original mapping; restore round-trips.
@Suite struct ChannelMoverTests {
    private func setUp() throws -> (FixtureCopy, SnapshotMachine, [ChannelMove]) {
        let copy = try FixtureCopy("azure-d8ds-v5")
        let machine = try copy.machine()
        let plan = try EvacuationPlanner.plan(
            evacuating: [4, 5, 6, 7], allowed: nil, vmbus: VMBusReader.read(machine), cpus: CPUInventory.read(machine)
        ).get()
        return (copy, machine, plan.moves)
    }

    @Test func writesExactlyThePlannedValues() throws {
        let (copy, machine, moves) = try setUp()
        let before = try copy.mapping()
        let writer = TestWriter(root: copy.root)
        let outcome = ChannelMover.apply(moves, machine: machine, writer: writer)
        #expect(outcome.succeeded)
        #expect(outcome.applied == moves)
        #expect(writer.writes.map(\.path) == moves.map(\.path))
        #expect(writer.writes.map(\.text) == moves.map { "\($0.to)\n" })
        var expected = before
        for move in moves { expected["\(move.deviceID)/\(move.relid)"] = move.to }
        #expect(try copy.mapping() == expected)
    }

    @Test func aFailureAtEveryPositionRollsBackToTheOriginalMapping() throws {
        let (_, _, moves) = try setUp()
        #expect(moves.count >= 3)
        for position in 0..<moves.count {
            let (copy, machine, _) = try setUp()
            let before = try copy.mapping()
            let writer = TestWriter(root: copy.root)
            writer.failOnCall = position
            writer.failWith = [.unreadable(.EIO), .unreadable(.EINVAL), .unreadable(.EBUSY), .absent][position % 4]
            let outcome = ChannelMover.apply(moves, machine: machine, writer: writer)
            #expect(outcome.failure?.move == moves[position])
            #expect(outcome.rolledBack == Array(moves[0..<position].reversed()))
            #expect(outcome.applied.isEmpty)
            #expect(outcome.rollbackFailures.isEmpty)
            #expect(try copy.mapping() == before, "position \(position)")
        }
    }

    /// A write the kernel accepted but did not apply is caught by reading it back.
    @Test func aWriteThatDidNotTakeIsCaughtAndRolledBack() throws {
        let (copy, machine, moves) = try setUp()
        let before = try copy.mapping()
        let writer = TestWriter(root: copy.root)
        writer.silentlyIgnoreCall = 1
        let outcome = ChannelMover.apply(moves, machine: machine, writer: writer)
        #expect(outcome.failure?.move == moves[1])
        #expect(outcome.failure?.message.contains("did not take it") == true)
        #expect(try copy.mapping() == before)
    }

    @Test func restoreRoundTrips() throws {
        let (copy, machine, moves) = try setUp()
        let before = try copy.mapping()
        let writer = TestWriter(root: copy.root)
        #expect(ChannelMover.apply(moves, machine: machine, writer: writer).succeeded)
        #expect(try copy.mapping() != before)
        let restore = moves.reversed().map(\.reversed)
        #expect(ChannelMover.apply(restore, machine: machine, writer: writer).succeeded)
        #expect(try copy.mapping() == before)
    }
}
