import HyperVKit

/// A move plan as text: notes, the plan's table, then what was done and undone (or how to apply
/// it), then each CPU taken offline.
struct MovePlanText {
    var plan: MovePlan
    /// The journal the run wrote, named when it could not be written.
    var journal: String?
    var color: Bool

    func render() -> String {
        var text = plan.notes.map { "note: \($0)\n" }.joined()
        text += plan.title + "\n" + table()
        let moves = plan.report.plan.moves
        if let outcome = plan.report.outcome {
            text += "\n" + outcomeLines(outcome)
        } else if !plan.report.applied && (!moves.isEmpty || plan.hintWithoutMoves) {
            text += "\nnothing was changed: \(plan.applyHint)\n"
        }
        for entry in plan.report.offline { text += "CPU \(entry.cpu) offline: \(entry.result)\n" }
        return text
    }

    private func table() -> String {
        let moves = plan.report.plan.moves
        guard !moves.isEmpty else { return "no channel to move\n" }
        var table = Table(columns: [
            Table.Column("CLASS"), Table.Column("DEVICE"), Table.Column("RELID", .right), Table.Column("FROM", .right),
            Table.Column("TO", .right),
        ])
        for move in moves {
            table.append([
                Table.Cell(plan.classLabel(of: move) ?? "-"), Table.Cell(move.deviceID),
                Table.Cell(String(move.relid)), Table.Cell(String(move.from)), Table.Cell(String(move.to)),
            ])
        }
        return table.render(color: color)
    }

    private func outcomeLines(_ outcome: ChannelMover.Outcome) -> String {
        var text = ""
        for move in outcome.applied where !outcome.rollbackFailures.contains(where: { $0.move == move }) {
            text += "moved    \(describe(move))\n"
        }
        if let failure = outcome.failure { text += "FAILED   \(describe(failure.move)): \(failure.message)\n" }
        for move in outcome.rolledBack { text += "undone   \(describe(move))\n" }
        for failure in outcome.rollbackFailures {
            let now =
                failure.cpuNow.map { "the channel is on CPU \($0)" } ?? "where the channel is now could not be read"
            text += "NOT UNDONE \(describe(failure.move)): \(failure.message) (\(now))\n"
        }
        if let journal, let error = outcome.journalFailure {
            text += "JOURNAL  cannot write \(journal): \(error)\n"
        }
        return text
    }

    private func describe(_ move: ChannelMove) -> String {
        "\(move.deviceID) relid \(move.relid): CPU \(move.from) -> CPU \(move.to)"
    }
}
