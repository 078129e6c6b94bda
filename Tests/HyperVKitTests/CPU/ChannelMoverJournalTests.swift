import Testing

@testable import HyperVKit

/// Issue 12: the journal is written before the first move and ahead of every move; a journal that
/// cannot be written moves nothing (or undoes what moved); a failed undo says where the channel
/// really is and carries the original move.
@Suite struct ChannelMoverJournalTests {
    private func setUp() throws -> (FixtureCopy, SnapshotMachine, [ChannelMove]) {
        let copy = try FixtureCopy("azure-d8ds-v5")
        let machine = try copy.machine()
        let plan = try EvacuationPlanner.plan(
            evacuating: [4, 5, 6, 7], allowed: nil, vmbus: VMBusReader.read(machine), cpus: CPUInventory.read(machine)
        ).get()
        return (copy, machine, plan.moves)
    }

    @Test func eachMoveIsRecordedBeforeItsWriteAndTheEndIsMarked() throws {
        let (copy, machine, moves) = try setUp()
        let writer = TestWriter(root: copy.root)
        let journal = TestJournal(writer: writer)
        let outcome = ChannelMover.apply(moves, machine: machine, writer: writer, journal: journal)
        #expect(outcome.succeeded)
        var expected: [String] = []
        for (index, move) in moves.enumerated() {
            expected.append("journal \(index + 1)")
            expected.append("write \(move.path) \(move.to)")
        }
        expected.append("journal \(moves.count) complete")
        #expect(writer.events == expected)
        #expect(journal.records.last?.moves == moves)
    }

    @Test func aJournalThatCannotBeWrittenMovesNothing() throws {
        let (copy, machine, moves) = try setUp()
        let before = try copy.mapping()
        let writer = TestWriter(root: copy.root)
        let journal = TestJournal(writer: writer)
        journal.failOnRecord = 0
        let outcome = ChannelMover.apply(moves, machine: machine, writer: writer, journal: journal)
        #expect(!outcome.succeeded)
        #expect(outcome.journalFailure?.errno == .ENOSPC)
        #expect(writer.writes.isEmpty)
        #expect(outcome.applied.isEmpty && outcome.rolledBack.isEmpty)
        #expect(try copy.mapping() == before)
    }

    /// A record that fails half-way stops the run and undoes every move made, last first.
    @Test func aJournalFailingLaterUndoesWhatMoved() throws {
        let (copy, machine, moves) = try setUp()
        let before = try copy.mapping()
        let writer = TestWriter(root: copy.root)
        let journal = TestJournal(writer: writer)
        journal.failOnRecord = 2
        let outcome = ChannelMover.apply(moves, machine: machine, writer: writer, journal: journal)
        #expect(outcome.journalFailure != nil)
        #expect(outcome.rolledBack == [moves[1], moves[0]])
        #expect(outcome.applied.isEmpty)
        #expect(try copy.mapping() == before)
        // The last record says nothing stayed moved.
        #expect(journal.records.last?.moves == [] && journal.records.last?.complete == true)
    }

    /// Move 2 fails; undoing move 1 fails too: the failure carries move 1 itself (not its reverse)
    /// and the CPU the channel is really on (move 1's destination).
    @Test func aFailedUndoNamesWhereTheChannelIs() throws {
        let (copy, machine, moves) = try setUp()
        let writer = TestWriter(root: copy.root)
        writer.failOnCall = 2
        writer.failOnCalls = [3]
        let journal = TestJournal(writer: writer)
        let outcome = ChannelMover.apply(moves, machine: machine, writer: writer, journal: journal)
        #expect(outcome.failure?.move == moves[2])
        #expect(outcome.rollbackFailures.map(\.move) == [moves[1]])
        #expect(outcome.rollbackFailures.first?.cpuNow == moves[1].to)
        #expect(outcome.rolledBack == [moves[0]])
        #expect(outcome.applied == [moves[1]])
        #expect(try copy.mapping()["\(moves[1].deviceID)/\(moves[1].relid)"] == moves[1].to)
        #expect(journal.records.last?.moves == [moves[1]])
        // The failed move itself never took: the channel is still where it was.
        #expect(outcome.failure?.cpuNow == moves[2].from)
    }
}
