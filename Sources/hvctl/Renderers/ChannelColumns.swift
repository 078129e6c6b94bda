import HyperVKit

/// One channel with the context its columns need.
struct ChannelRow {
    var device: VMBusDevice
    var channel: VMBusChannel
    var online: CPUList?

    var targetOnline: Bool? {
        guard let cpu = channel.targetCPU, let online else { return nil }
        return online.contains(cpu)
    }

    var inFill: Double? { channel.inboundFill(ringSize: device.inboundRingSize) }
    var outFill: Double? { channel.outboundFill(ringSize: device.outboundRingSize) }
}

/// The columns of `hvctl vmbus channels` as data (lsblk-style): they drive `-o`, `--list-columns`,
/// `--sort` and the help text.
struct ChannelColumn: Sendable {
    enum SortKey {
        case number(Double)
        case text(String)
        case missing

        /// `--sort` order: numbers largest first, text A to Z, unknown values (`-`) last.
        func precedes(_ other: SortKey) -> Bool {
            switch (self, other) {
            case (.number(let a), .number(let b)): return a > b
            case (.text(let a), .text(let b)): return a < b
            case (.missing, _): return false
            case (_, .missing): return true
            case (.number, .text): return true
            case (.text, .number): return false
            }
        }
    }

    var name: String
    var help: String
    var alignment: Table.Alignment
    var cell: @Sendable (ChannelRow) -> Table.Cell
    var sortKey: @Sendable (ChannelRow) -> SortKey

    var header: String { name.uppercased() }

    static let defaultNames = [
        "device", "class", "relid", "sub", "cpu", "interrupts", "events", "in-fill", "out-fill", "out-full",
    ]

    static func number<T: BinaryInteger>(_ value: T?) -> Table.Cell { Table.Cell(value.map { String($0) } ?? "-") }
    static func key<T: BinaryInteger>(_ value: T?) -> SortKey { value.map { .number(Double($0)) } ?? .missing }
    static func percent(_ value: Double?) -> Table.Cell {
        guard let value else { return Table.Cell("-") }
        let tenths = Int((value * 10).rounded())
        let text = "\(tenths / 10).\(tenths % 10)%"
        return Table.Cell(text, value >= 90 ? .red : value >= 50 ? .yellow : nil)
    }

    static let all: [ChannelColumn] = [
        ChannelColumn(
            name: "device", help: "device instance GUID (first 8 digits)", alignment: .left,
            cell: { Table.Cell(String($0.device.deviceID.prefix(8))) }, sortKey: { .text($0.device.deviceID) }),
        ChannelColumn(
            name: "guid", help: "device instance GUID", alignment: .left,
            cell: { Table.Cell($0.device.deviceID) }, sortKey: { .text($0.device.deviceID) }),
        ChannelColumn(
            name: "class", help: "device class (short name, or the class GUID when unknown)", alignment: .left,
            cell: { Table.Cell($0.device.classLabel) },
            sortKey: { .text($0.device.classLabel) }),
        ChannelColumn(
            name: "driver", help: "bound driver", alignment: .left, cell: { Table.Cell($0.device.driver ?? "-") },
            sortKey: { row in row.device.driver.map { .text($0) } ?? .missing }),
        ChannelColumn(
            name: "relid", help: "channel relid", alignment: .right, cell: { number($0.channel.relid) },
            sortKey: { key($0.channel.relid) }),
        ChannelColumn(
            name: "sub", help: "sub-channel index (0 = primary)", alignment: .right,
            cell: { number($0.channel.subchannelIndex) }, sortKey: { key($0.channel.subchannelIndex) }),
        ChannelColumn(
            name: "cpu", help: "target CPU of the channel's interrupt; ! when that CPU is offline", alignment: .right,
            cell: { row in
                guard let cpu = row.channel.targetCPU else { return Table.Cell("-") }
                return row.targetOnline == false ? Table.Cell("\(cpu)!", .red) : Table.Cell(String(cpu))
            }, sortKey: { key($0.channel.targetCPU) }),
        ChannelColumn(
            name: "interrupts", help: "interrupts taken (host to guest)", alignment: .right,
            cell: { number($0.channel.interrupts) }, sortKey: { key($0.channel.interrupts) }),
        ChannelColumn(
            name: "events", help: "times the guest signalled the host", alignment: .right,
            cell: { number($0.channel.events) }, sortKey: { key($0.channel.events) }),
        ChannelColumn(
            name: "in-avail", help: "inbound ring: bytes waiting to be read", alignment: .right,
            cell: { number($0.channel.inbound.readAvailable) }, sortKey: { key($0.channel.inbound.readAvailable) }),
        ChannelColumn(
            name: "in-fill", help: "inbound ring fill", alignment: .right, cell: { percent($0.inFill) },
            sortKey: { $0.inFill.map { .number($0) } ?? .missing }),
        ChannelColumn(
            name: "out-free", help: "outbound ring: bytes free", alignment: .right,
            cell: { number($0.channel.outbound.writeAvailable) }, sortKey: { key($0.channel.outbound.writeAvailable) }),
        ChannelColumn(
            name: "out-fill", help: "outbound ring fill", alignment: .right, cell: { percent($0.outFill) },
            sortKey: { $0.outFill.map { .number($0) } ?? .missing }),
        ChannelColumn(
            name: "in-mask", help: "inbound interrupt mask (1: the guest polls)", alignment: .right,
            cell: { number($0.channel.inbound.mask) }, sortKey: { key($0.channel.inbound.mask) }),
        ChannelColumn(
            name: "out-mask", help: "outbound interrupt mask (1: the host polls)", alignment: .right,
            cell: { number($0.channel.outbound.mask) }, sortKey: { key($0.channel.outbound.mask) }),
        ChannelColumn(
            name: "pending", help: "monitor pending bits (- without a monitor)", alignment: .right,
            cell: { number($0.channel.pending) }, sortKey: { key($0.channel.pending) }),
        ChannelColumn(
            name: "latency", help: "monitor latency (- without a monitor)", alignment: .right,
            cell: { number($0.channel.latency) }, sortKey: { key($0.channel.latency) }),
        ChannelColumn(
            name: "out-full-first", help: "writes that first found the outbound ring full", alignment: .right,
            cell: { number($0.channel.outFullFirst) }, sortKey: { key($0.channel.outFullFirst) }),
        ChannelColumn(
            name: "out-full", help: "writes that found the outbound ring full (out_full_total)", alignment: .right,
            cell: { row in
                guard let full = row.channel.outFullTotal else { return Table.Cell("-") }
                return Table.Cell(String(full), full > 0 ? .yellow : nil)
            }, sortKey: { key($0.channel.outFullTotal) }),
    ]

    /// Rows in `--sort` order by this column; rows that tie keep their listing order.
    func sorted(_ rows: [ChannelRow]) -> [ChannelRow] {
        let keyed = rows.enumerated().map { (index: $0.offset, key: sortKey($0.element), row: $0.element) }
        return keyed.sorted { lhs, rhs in
            if lhs.key.precedes(rhs.key) { return true }
            if rhs.key.precedes(lhs.key) { return false }
            return lhs.index < rhs.index
        }.map(\.row)
    }

    static func named(_ name: String) -> ChannelColumn? {
        all.first { $0.name == name.lowercased() }
    }
}

extension ChannelColumn {
    /// `--list-columns`: one row per column.
    static func listText() -> String {
        var table = Table(columns: [Table.Column("COLUMN"), Table.Column("MEANING")])
        for column in all { table.append([Table.Cell(column.name), Table.Cell(column.help)]) }
        return table.render()
    }

    /// `--list-columns --json`: `{schema_version, columns: [{name, meaning}], diagnostics}`.
    static func listJSON() throws(CommandFailure) -> String {
        struct Document: Encodable {
            var columns: [[String: String]]
            enum CodingKeys: String, CodingKey {
                case schemaVersion = "schema_version"
                case columns, diagnostics
            }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(1, forKey: .schemaVersion)
                var list = container.nestedUnkeyedContainer(forKey: .columns)
                for column in columns {
                    var entry = list.nestedContainer(keyedBy: NameKey.self)
                    try entry.encode(column["name"], forKey: NameKey("name"))
                    try entry.encode(column["meaning"], forKey: NameKey("meaning"))
                }
                try container.encode([Diagnostic](), forKey: .diagnostics)
            }
        }
        do {
            return try JSONOutput.render(Document(columns: all.map { ["name": $0.name, "meaning": $0.help] }))
        } catch {
            throw CommandFailure("cannot encode JSON: \(error)", status: .ioError)
        }
    }
}
