/// Applies channel moves through the writer seam, verifies each by reading the attribute back,
/// and on the first failure undoes the moves already made, in reverse (issue 4: never a
/// half-moved CPU without saying so).
public enum ChannelMover {
    public struct Failure: Sendable, Equatable {
        public var move: ChannelMove
        public var message: String
        public var errno: Errno?

        public init(move: ChannelMove, message: String, errno: Errno?) {
            self.move = move
            self.message = message
            self.errno = errno
        }
    }

    public struct Outcome: Sendable, Equatable {
        /// Moves that took effect and stayed (all of them, on success).
        public var applied: [ChannelMove]
        /// Moves that took effect and were undone after a later failure.
        public var rolledBack: [ChannelMove]
        /// The move that failed, if any.
        public var failure: Failure?
        /// Undo writes that failed: these channels are left on their new CPU.
        public var rollbackFailures: [Failure]

        public var succeeded: Bool { failure == nil }

        public init(applied: [ChannelMove], rolledBack: [ChannelMove], failure: Failure?, rollbackFailures: [Failure]) {
            self.applied = applied
            self.rolledBack = rolledBack
            self.failure = failure
            self.rollbackFailures = rollbackFailures
        }
    }

    public static func apply(_ moves: [ChannelMove], machine: any Machine, writer: any SysfsWriter) -> Outcome {
        var done: [ChannelMove] = []
        for move in moves {
            if let failure = perform(move, machine: machine, writer: writer) {
                var outcome = Outcome(applied: [], rolledBack: [], failure: failure, rollbackFailures: [])
                for earlier in done.reversed() {
                    if let undoFailure = perform(earlier.reversed, machine: machine, writer: writer) {
                        outcome.rollbackFailures.append(undoFailure)
                        outcome.applied.append(earlier)
                    } else {
                        outcome.rolledBack.append(earlier)
                    }
                }
                return outcome
            }
            done.append(move)
        }
        return Outcome(applied: done, rolledBack: [], failure: nil, rollbackFailures: [])
    }

    /// One write and its verification; nil on success.
    static func perform(_ move: ChannelMove, machine: any Machine, writer: any SysfsWriter) -> Failure? {
        if case .failure(let failure) = writer.write("\(move.to)\n", to: move.path) {
            return Failure(
                move: move, message: "cannot write \(move.to) to \(move.path): \(explain(failure))",
                errno: failure.errno)
        }
        switch machine.attribute(at: move.path) {
        case .success(let text) where Int(text) == move.to:
            return nil
        case .success(let text):
            return Failure(
                move: move, message: "\(move.path) reads \(text) after writing \(move.to): the kernel did not take it",
                errno: nil)
        case .failure(let failure):
            return Failure(
                move: move, message: "cannot read back \(move.path): \(explain(failure))", errno: failure.errno)
        }
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
