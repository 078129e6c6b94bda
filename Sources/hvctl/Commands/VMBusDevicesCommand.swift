import ArgumentParser
import HyperVKit

struct VMBusDevicesCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "The VMBus devices: class, driver, NUMA node, channels (what lsvmbus shows, and more).",
        discussion: """
            Lists every device under /sys/bus/vmbus/devices sorted by relid, as lsvmbus does: its class (by \
            name, or by GUID when reference tables do not know it), the bound driver (or none), the device \
            protocol its driver negotiated, the NUMA node and the number of channels. -v adds each channel's relid and target CPU, -vv the class and \
            device GUIDs and the sysfs path, in lsvmbus's block format. A device rescinded while it is read \
            is skipped with a warning; an unreadable attribute shows as - with a warning.

            PROTOCOL is the version the driver printed when it negotiated its protocol with the host \
            (hv_utils: KVP, TimeSync, Heartbeat, Shutdown, VSS, FCopy IC versions; hv_balloon: Dynamic Memory; \
            hyperv_fb/hyperv_drm: synthetic video; hv_pci: vPCI; hv_netvsc: NVSP, printed only with dynamic \
            debug on; storvsc prints none). The kernel log is the only place it appears: - when the log lacks \
            the line (rotated out, driver not loaded, log unreadable), and for a NIC or SCSI controller when \
            the line does not name the device and there are several of that class.

            JSON (schema_version 1): vmbus_present, hibernation, max_version, devices[] (device_id, \
            class_id, class_name, relid, driver, numa_node, channels[] with every channel attribute, then \
            class_short_name, expected_drivers, state, sysfs_path, device_path, monitor_id, device_type, \
            modalias, driver_override, protocol_version ("4.0" or null), protocol_source ("kernel_log" or \
            null)), cpus[] (cpu, online, channels), diagnostics.

            Exit status: 0 when the devices were listed; 64 for an unknown --class; 65 for a snapshot without \
            /sys; 69 when there is no VMBus; 74 or 77 when /sys/bus/vmbus cannot be read.
            """)

    @OptionGroup var global: GlobalOptions

    // Short only: --verbose is the global option that lists every warning.
    @Flag(name: .customShort("v"), help: "-v: relid to target CPU per channel; -vv: also GUIDs and sysfs paths.")
    var detail: Int

    @Option(
        help: ArgumentHelp(
            "Only devices of this class: a name (nic, scsi, kvp, ...) or a class GUID.", valueName: "class"),
        completion: .list(DeviceClassSelector.identifiers))
    var `class`: String?

    @OptionGroup var table: TableOptions<DevicesText>

    func run() throws { try runReport() }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let filter = try DeviceFilter(classText: `class`)
        let layout = try table.layout(DevicesText.columnKeys)
        if table.columns != nil && detail > 0 {
            throw CommandFailure("-o chooses table columns: it cannot be used with -v", status: .usage)
        }
        // The same read for text and JSON (issue 16): both formats warn about the same files, and -v shows
        // each channel's own `cpu`, the file a re-targeting write changes.
        var state = VMBusReader.read(context.machine, options: .everything)
        guard state.present == true else { throw VMBusAbsence.failure(state, machine: context.machine) }
        var output = CommandOutput()
        try filter.apply(to: &state, output: &output)
        let (protocols, protocolDiagnostics) = DeviceProtocolReader.read(context.machine, devices: state.devices)
        state.diagnostics += protocolDiagnostics
        output.stdout = try CommandRunner.render(VMBusReport(state: state, protocols: protocols), context: context) {
            let text = DevicesText(
                devices: state.devices, protocols: protocols, color: context.color, layout: layout)
            switch detail {
            case 0: return text.table()
            case 1: return text.blocks(detailed: false)
            default: return text.blocks(detailed: true)
            }
        }
        output.warn(state.diagnostics)
        return output
    }
}

/// `--class` and `--device`, shared by the VMBus commands. A class or device nobody could mean is
/// a usage error (issue 14), never an empty table that reads as "none here".
struct DeviceFilter {
    var selector: DeviceClassSelector?
    var device: String?

    init(classText: String?, device: String? = nil) throws(CommandFailure) {
        self.device = device.map { GUIDText.normalized($0) }
        if let wanted = self.device, !GUIDText.isGUIDPrefix(wanted) {
            throw CommandFailure(
                "\"\(device ?? "")\" is not a device ID", hint: "give a device GUID or its first digits", status: .usage
            )
        }
        guard let classText else { return }
        guard let selector = DeviceClassSelector.parse(classText) else {
            let names = DeviceClassSelector.identifiers.joined(separator: ", ")
            throw CommandFailure(
                "unknown device class \"\(classText)\"", hint: "use one of \(names) or a class GUID", status: .usage)
        }
        self.selector = selector
    }

    func matches(_ device: VMBusDevice) -> Bool {
        if let selector, !selector.matches(classID: device.classID) { return false }
        if let wanted = self.device, !device.deviceID.hasPrefix(wanted) { return false }
        return true
    }

    /// Keeps the matching devices; a `--device` that names none of the bus's devices is a usage
    /// error naming it. A class with no device offered is an answer (an empty list), said on stderr.
    func apply(to state: inout VMBusState, output: inout CommandOutput) throws(CommandFailure) {
        let all = state.devices
        state.devices = all.filter(matches)
        if let device, !all.contains(where: { $0.deviceID.hasPrefix(device) }) {
            throw CommandFailure(
                "no VMBus device \(device)", hint: "hvctl vmbus devices lists the device IDs", status: .usage)
        }
        if let selector, state.devices.isEmpty {
            output.warnings.append("hvctl: note: no \(selector.identifier) device is offered on this VMBus")
        }
    }
}

/// What to say when there is no VMBus to list.
enum VMBusAbsence {
    static func failure(_ state: VMBusState, machine: any Machine) -> CommandFailure {
        if let problem = state.diagnostics.first {
            return CommandFailure(
                problem.message, hint: problem.hint,
                status: state.listingFailure?.isPermissionDenied == true ? .permissionDenied : .ioError)
        }
        if state.present == nil {
            return CommandFailure(
                "\(machine.origin) holds no /sys (a partial snapshot): it cannot list VMBus devices",
                status: .invalidInput)
        }
        return CommandFailure(
            "no VMBus on \(machine.origin): /sys/bus/vmbus does not exist (not a Hyper-V guest, or hv_vmbus is not loaded)",
            status: .notApplicable)
    }
}
