import ArgumentParser
import HyperVKit

struct VMBusChannelsCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "channels",
        abstract: "One row per VMBus channel: target CPU, interrupts, events, ring fill, ring-full counts.",
        discussion: """
            Reads channels/<relid>/ of every device (reference §3.3). CPU is the Linux CPU the host \
            interrupts for the channel, marked ! when that CPU is offline. Ring fill: the inbound ring's \
            bytes waiting, and the outbound ring's bytes used, over the ring's size (the primary channel's, \
            which sub-channels share). A channel whose rings are not allocated (not open) shows - with a \
            warning.

            COLUMNS (-o, --list-columns, --sort): \(ChannelColumn.all.map(\.name).joined(separator: ", ")).

            JSON (schema_version 1): as hvctl vmbus devices --json.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(
        help: ArgumentHelp(
            "Only channels of the device with this instance GUID (a unique prefix will do).", valueName: "guid"))
    var device: String?

    @Option(
        help: ArgumentHelp(
            "Only channels of devices of this class: a name (nic, scsi, ...) or a class GUID.", valueName: "class"),
        completion: .list(DeviceClassSelector.identifiers))
    var `class`: String?

    @Option(help: ArgumentHelp("Only channels whose interrupt targets this CPU.", valueName: "cpu"))
    var cpu: Int?

    @Option(
        help: ArgumentHelp(
            "Sort by this column: numbers largest first, text A to Z, unknown values (-) last.",
            valueName: "column"),
        completion: .list(ChannelColumn.all.map(\.name)))
    var sort: String?

    @Option(
        name: .customShort("o"), help: ArgumentHelp("Comma-separated columns to print.", valueName: "columns"),
        completion: .custom { _, _, prefix in TableLayout.completions(of: prefix, among: ChannelColumn.all.map(\.name))
        })
    var columns: String?

    @Flag(help: "List the available columns and exit.")
    var listColumns = false

    @Flag(name: [.customShort("n"), .long], help: "Omit the heading line.")
    var noHeadings = false

    func run() throws {
        if listColumns {
            do throws(CommandFailure) {
                try Terminal.write(global.json ? try ChannelColumn.listJSON() : ChannelColumn.listText())
            } catch {
                try CommandRunner.fail(error, json: global.json)
            }
            return
        }
        try runReport()
    }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let selected = try selectedColumns()
        let sortColumn = try sort.map { name throws(CommandFailure) in try column(name) }
        let filter = try DeviceFilter(classText: `class`, device: device)
        var state = VMBusReader.read(context.machine, options: .everything)
        guard state.present == true else { throw VMBusAbsence.failure(state, machine: context.machine) }
        var output = CommandOutput()
        if let cpu { try Self.checkCPUExists(cpu, state: state, machine: context.machine) }
        try filter.apply(to: &state, output: &output)
        if let cpu {
            for index in state.devices.indices { state.devices[index].channels.removeAll { $0.targetCPU != cpu } }
            state.devices.removeAll { $0.channels.isEmpty }
        }
        var rows = state.devices.flatMap { device in
            device.channels.map { ChannelRow(device: device, channel: $0, online: state.onlineCPUs) }
        }
        if let sortColumn { rows = sortColumn.sorted(rows) }
        output.stdout = try CommandRunner.render(VMBusReport(state: state), context: context) {
            var table = Table(columns: selected.map { Table.Column($0.header, $0.alignment) })
            for row in rows { table.append(selected.map { $0.cell(row) }) }
            return table.render(headings: !noHeadings, color: context.color)
        }
        output.warn(state.diagnostics)
        return output
    }

    /// `--cpu 99` on an 8-CPU machine names no CPU: a usage error, as `msr --cpu 99` is, not an
    /// empty table. A CPU some channel targets exists whatever sysfs says (an offline target).
    static func checkCPUExists(_ cpu: Int, state: VMBusState, machine: any Machine) throws(CommandFailure) {
        let topology = CPUTopology.read(from: machine).0
        guard let known = topology.present ?? topology.possible ?? topology.online else { return }
        let targeted = state.devices.contains { $0.channels.contains { $0.targetCPU == cpu } }
        guard !known.contains(cpu), !targeted else { return }
        throw CommandFailure("--cpu: CPU \(cpu) does not exist on \(machine.origin) (CPUs: \(known))", status: .usage)
    }

    private func selectedColumns() throws(CommandFailure) -> [ChannelColumn] {
        let names = columns.map { $0.split(separator: ",").map(String.init) } ?? ChannelColumn.defaultNames
        guard !names.isEmpty else {
            throw CommandFailure("no columns given", hint: "hvctl vmbus channels --list-columns", status: .usage)
        }
        var selected: [ChannelColumn] = []
        for name in names { selected.append(try column(name)) }
        return selected
    }

    private func column(_ name: String) throws(CommandFailure) -> ChannelColumn {
        guard let column = ChannelColumn.named(name.filter { $0 != " " }) else {
            throw CommandFailure(
                "unknown column \"\(name)\"", hint: "hvctl vmbus channels --list-columns", status: .usage)
        }
        return column
    }
}
