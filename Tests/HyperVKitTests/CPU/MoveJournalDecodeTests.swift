import Testing

@testable import HyperVKit

/// The journal read back by the one JSON reader, with the reasons `cpu restore` prints.
@Suite struct MoveJournalDecodeTests {
    private func decode(_ text: String) -> Result<MoveJournal, ReadFailure> { MoveJournal.decode(Array(text.utf8)) }

    @Test func whatIsWrittenReadsBack() throws {
        let journal = MoveJournal(
            createdAt: "2026-12-04T10:00:00Z", tool: "hvctl 0.1.0", machine: "live system",
            moves: [ChannelMove(deviceID: "000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c", relid: 15, from: 5, to: 6)],
            complete: false)
        #expect(try MoveJournal.decode(JSONOutput.bytes(journal)).get() == journal)
    }

    /// Journals written before `complete` existed were written once, at the end of the run.
    @Test func aJournalWithoutCompleteIsComplete() throws {
        let old = #"{"schema_version": 1, "created_at": "c", "tool": "t", "machine": "m", "moves": []}"#
        #expect(try decode(old).get().complete)
    }

    @Test func problemsAreOneLineReasons() {
        #expect(
            decode(#"{"schema_version": 1, "created_at": "c", "tool": "t", "machine": "m"}"#)
                == .failure(.invalid("missing key \"moves\"")))
        #expect(
            decode(#"{"schema_version": 2, "created_at": "c", "tool": "t", "machine": "m", "moves": []}"#)
                == .failure(.invalid("journal schema_version 2 is not 1")))
        let wrongType =
            #"{"schema_version": 1, "created_at": "c", "tool": "t", "machine": "m", "moves": [{"device_id": "d", "relid": "15", "from": 1, "to": 2}]}"#
        #expect(decode(wrongType) == .failure(.invalid("not an hvctl move journal (invalid JSON)")))
        #expect(decode("{nope") == .failure(.invalid("not an hvctl move journal (invalid JSON)")))
    }
}
