/// Applies channel moves through the writer seam, verifies each by reading the attribute back,
/// and on the first failure undoes the moves already made, in reverse (issue 4: never a
/// half-moved CPU without saying so).
///
/// With a journal (issue 12), each move is recorded before its write is tried and the run once
/// more when it ends; if a record cannot be written, nothing more moves and what moved is undone,
/// so no channel is ever moved without the journal saying so.
public enum ChannelMover {
    public struct Failure: Sendable, Equatable {
        /// The move that failed. For an undo that failed, the original move (not its reverse).
        public var move: ChannelMove
        public var message: String
        public var errno: Errno?
        /// Where the channel's interrupt is after the failure, read back; nil when that could not
        /// be read.
        public var cpuNow: Int?

        public init(move: ChannelMove, message: String, errno: Errno?, cpuNow: Int? = nil) {
            self.move = move
            self.message = message
            self.errno = errno
            self.cpuNow = cpuNow
        }
    }

    public struct Outcome: Sendable, Equatable {
        /// Moves that took effect and stayed (all of them, on success).
        public var applied: [ChannelMove]
        /// Moves that took effect and were undone after a later failure.
        public var rolledBack: [ChannelMove]
        /// The move that failed, if any.
        public var failure: Failure?
        /// Undo writes that failed: these channels are left where `cpuNow` says.
        public var rollbackFailures: [Failure]
        /// The journal could not be written: why (the run stopped there).
        public var journalFailure: FileWriteError?

        public var succeeded: Bool { failure == nil && journalFailure == nil }

        public init(
            applied: [ChannelMove], rolledBack: [ChannelMove], failure: Failure?, rollbackFailures: [Failure],
            journalFailure: FileWriteError? = nil
        ) {
            self.applied = applied
            self.rolledBack = rolledBack
            self.failure = failure
            self.rollbackFailures = rollbackFailures
            self.journalFailure = journalFailure
        }
    }

    public static func apply(
        _ moves: [ChannelMove], machine: any Machine, writer: any SysfsWriter,
        journal: (any MoveJournalRecorder)? = nil
    ) -> Outcome {
        var done: [ChannelMove] = []
        for move in moves {
            if let journal, case .failure(let error) = journal.record(done + [move], complete: false) {
                var outcome = undo(done, machine: machine, writer: writer)
                outcome.journalFailure = error
                // The journal still lists `done` and this move; say what stayed, if it can be written.
                _ = journal.record(outcome.applied, complete: true)
                return outcome
            }
            if let failure = perform(move, machine: machine, writer: writer) {
                var outcome = undo(done, machine: machine, writer: writer)
                outcome.failure = failure
                if let journal, case .failure(let error) = journal.record(outcome.applied, complete: true) {
                    outcome.journalFailure = error
                }
                return outcome
            }
            done.append(move)
        }
        var outcome = Outcome(applied: done, rolledBack: [], failure: nil, rollbackFailures: [])
        if let journal, !moves.isEmpty, case .failure(let error) = journal.record(done, complete: true) {
            // Every move is in effect and listed (the last record before the final one said so);
            // only the mark that the run ended is missing.
            outcome.journalFailure = error
        }
        return outcome
    }

    /// Undoes `done`, last move first.
    static func undo(_ done: [ChannelMove], machine: any Machine, writer: any SysfsWriter) -> Outcome {
        var outcome = Outcome(applied: [], rolledBack: [], failure: nil, rollbackFailures: [])
        for earlier in done.reversed() {
            if var undoFailure = perform(earlier.reversed, machine: machine, writer: writer) {
                undoFailure.move = earlier
                outcome.rollbackFailures.append(undoFailure)
                outcome.applied.insert(earlier, at: 0)
            } else {
                outcome.rolledBack.append(earlier)
            }
        }
        return outcome
    }

    /// One write and its verification; nil on success. A failure says where the channel is now.
    static func perform(_ move: ChannelMove, machine: any Machine, writer: any SysfsWriter) -> Failure? {
        if case .failure(let failure) = writer.write("\(move.to)\n", to: move.path) {
            return Failure(
                move: move, message: "cannot write \(move.to) to \(move.path): \(explain(failure))",
                errno: failure.errno, cpuNow: currentCPU(move, machine: machine))
        }
        switch machine.attribute(at: move.path) {
        case .success(let text) where Int(text) == move.to:
            return nil
        case .success(let text):
            return Failure(
                move: move, message: "\(move.path) reads \(text) after writing \(move.to): the kernel did not take it",
                errno: nil, cpuNow: Int(text))
        case .failure(let failure):
            return Failure(
                move: move, message: "cannot read back \(move.path): \(explain(failure))", errno: failure.errno)
        }
    }

    /// The channel's target CPU as the attribute reads now; nil when it cannot be read.
    static func currentCPU(_ move: ChannelMove, machine: any Machine) -> Int? {
        guard case .success(let text) = machine.attribute(at: move.path) else { return nil }
        return Int(text)
    }

    /// The kernel's reasons for each errno of `target_cpu_store()` (reference §3.4).
    static func explain(_ failure: ReadFailure) -> String {
        switch failure {
        case .absent: return "the channel is gone (rescinded)"
        case .unreadable(.EIO):
            return "input/output error (VMBus older than 4.1, the channel not open, or the host refused)"
        case .unreadable(.EINVAL):
            return "invalid argument (the CPU is offline, isolated for managed IRQs, or out of range)"
        case .unreadable(.EBUSY): return "device or resource busy"
        default: return "\(failure)"
        }
    }
}
