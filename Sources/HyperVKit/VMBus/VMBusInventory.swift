/// A quick count of the VMBus devices and channels under `/sys/bus/vmbus` (reference §3.1-3.3),
/// for one-screen summaries. Reads only directory listings and each device's `class_id`.
public struct VMBusInventory: Sendable, Equatable {
    /// Whether /sys/bus/vmbus exists; nil when /sys/bus itself is missing (a partial snapshot).
    public var present: Bool?
    public var devices: Int
    public var channels: Int
    /// Class GUIDs (lower case, no braces), one per readable device.
    public var classIDs: [String]

    public static let devicesDirectory = "/sys/bus/vmbus/devices"

    public static func read(from machine: any Machine) -> (VMBusInventory, [Diagnostic]) {
        var inventory = VMBusInventory(present: false, devices: 0, channels: 0, classIDs: [])
        var diagnostics: [Diagnostic] = []
        let names: [String]
        switch machine.directory(at: devicesDirectory) {
        case .success(let entries): names = entries
        case .failure(.absent):
            if !machine.isDirectory("/sys/bus") { inventory.present = nil }
            return (inventory, [])
        case .failure(let failure): return (inventory, [.read(devicesDirectory, failure)])
        }
        inventory.present = true
        for name in names {
            let device = devicesDirectory + "/" + name
            // A device rescinded between the listing and this read is simply not counted.
            guard case .success(let channels) = machine.directory(at: device + "/channels") else {
                if machine.isDirectory(device) { inventory.devices += 1 }
                continue
            }
            inventory.devices += 1
            // channel directories are named by relid (vmbus_add_channel_kobj(): "%u"); anything
            // else is debris in a snapshot, which VMBusReader reports
            inventory.channels += channels.filter { Int($0) != nil }.count
            switch machine.attribute(at: device + "/class_id") {
            case .success(let text): inventory.classIDs.append(GUIDText.normalized(text))
            case .failure(.absent): break
            case .failure(let failure): diagnostics.append(.read(device + "/class_id", failure))
            }
        }
        return (inventory, diagnostics)
    }
}

/// GUID text as sysfs prints it (`{f8615163-df3e-46c5-913f-f2d2f965ed0e}`, reference §3.2), normalised
/// to lower case without braces.
public enum GUIDText {
    public static func normalized(_ text: String) -> String {
        var value = Substring(text.lowercased())
        if value.first == "{" { value.removeFirst() }
        if value.last == "}" { value.removeLast() }
        return String(value)
    }
}
