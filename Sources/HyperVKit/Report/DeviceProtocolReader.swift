/// Reads the kernel log once and attributes its device protocol lines to the devices listed.
public enum DeviceProtocolReader {
    /// Device ID → protocol, and a diagnostic when the log exists but cannot be read (a snapshot
    /// without `kernel.log` simply has no protocols: nothing to warn about).
    public static func read(_ machine: any Machine, devices: [VMBusDevice]) -> (
        protocols: [String: DeviceProtocol], diagnostics: [Diagnostic]
    ) {
        var log = KernelLogReading(machine)
        return read(&log, machine: machine, devices: devices)
    }

    /// The same with a log another part of a report already read.
    public static func read(_ log: inout KernelLogReading, machine: any Machine, devices: [VMBusDevice]) -> (
        protocols: [String: DeviceProtocol], diagnostics: [Diagnostic]
    ) {
        switch log.facts() {
        case .success(let facts):
            return (DeviceProtocolAttribution.assign(facts.deviceProtocols, to: devices), [])
        case .failure(let failure):
            if failure == KernelLogSource.absence(machine) { return ([:], []) }
            let message = "\(failure.message): device protocol versions are unknown"
            return ([:], [Diagnostic(source: .kernelLog, message: message, hint: failure.hint)])
        }
    }
}
