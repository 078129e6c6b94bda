import HyperVKit

/// `hvctl vmbus devices` as text: a table, or lsvmbus's block format with -v/-vv.
struct DevicesText: TableColumnSet {
    var devices: [VMBusDevice]
    /// Device ID → the negotiated device protocol (from the kernel log).
    var protocols: [String: DeviceProtocol] = [:]
    var color: Bool
    var layout: TableLayout = .all

    static let columns = [
        Table.Column("RELID", .right), Table.Column("CLASS"), Table.Column("DRIVER"), Table.Column("PROTOCOL"),
        Table.Column("CHANNELS", .right), Table.Column("NUMA", .right), Table.Column("DEVICE"),
    ]
    static var columnKeys: [String] { columns.map { TableLayout.key($0.header) } }

    func table() -> String {
        var table = Table(columns: Self.columns)
        for device in devices {
            table.append([
                Table.Cell(device.relid.map(String.init) ?? "-"),
                classCell(device),
                driverCell(device),
                Table.Cell(protocols[device.deviceID]?.version ?? "-"),
                Table.Cell(String(device.channels.count)),
                Table.Cell(device.numaNode.map(String.init) ?? "-"),
                Table.Cell(device.deviceID),
            ])
        }
        return table.render(layout: layout, color: color)
    }

    /// lsvmbus's format (`tools/hv/lsvmbus`: `VMBUS ID %2s: Class_ID = %s - %s`, then tab-indented
    /// lines), with hvctl's driver, NUMA and channel-count line added.
    func blocks(detailed: Bool) -> String {
        var out = ""
        for device in devices {
            let relid = device.relid.map(String.init) ?? "-"
            let padded = String(repeating: " ", count: max(0, 2 - relid.count)) + relid
            let label = device.deviceClass?.lsvmbusLabel ?? "Unknown"
            let classID = device.classID.map { "{\($0)}" } ?? "-"
            out += "VMBUS ID \(padded): Class_ID = \(classID) - \(label)\n"
            if detailed {
                out += "\tDevice_ID = {\(device.deviceID)}\n"
                out += "\tSysfs path: \(device.sysfsPath)\n"
            }
            let driver = device.driver ?? "none"
            let numa = device.numaNode.map(String.init) ?? "-"
            out += "\tDriver: \(driver), NUMA node: \(numa), channels: \(device.channels.count)\n"
            for pair in (device.channelCPUMapping ?? []).sorted(by: { $0.relid < $1.relid }) {
                out += "\tRel_ID=\(pair.relid), target_cpu=\(pair.cpu)\n"
            }
            out += "\n"
        }
        return out
    }

    /// The class name, the GUID of a class reference §4 does not know (yellow), or `-` when
    /// `class_id` could not be read.
    private func classCell(_ device: VMBusDevice) -> Table.Cell {
        guard device.classID != nil else { return Table.Cell("-") }
        return Table.Cell(device.className, device.knownClassName == nil ? .yellow : nil)
    }

    private func driverCell(_ device: VMBusDevice) -> Table.Cell {
        if let driver = device.driver { return Table.Cell(driver) }
        return Table.Cell("-", device.deviceClass?.drivers.isEmpty == false ? .red : .dim)
    }
}
