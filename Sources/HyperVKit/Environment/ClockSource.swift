/// The kernel's clock source (`/sys/devices/system/clocksource/clocksource0/`), reference §3.8:
/// `hyperv_clocksource_tsc_page`, `hyperv_clocksource_msr`, or `tsc` (preferred from WS2022 on,
/// when TSC invariant control lets Linux trust the TSC, §2.2).
public struct ClockSource: Sendable, Equatable, Codable {
    public var current: String?
    public var available: [String]

    public static let directory = "/sys/devices/system/clocksource/clocksource0"

    public init(current: String?, available: [String]) {
        self.current = current
        self.available = available
    }

    public static func read(from machine: any Machine) -> (ClockSource, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func value(_ name: String) -> String? {
            let path = directory + "/" + name
            switch machine.attribute(at: path) {
            case .success(let text): return text
            case .failure(.absent): return nil
            case .failure(let failure):
                diagnostics.append(.read(path, failure))
                return nil
            }
        }
        let current = value("current_clocksource").flatMap { $0.isEmpty ? nil : $0 }
        let available = value("available_clocksource")?.split(separator: " ").map(String.init) ?? []
        return (ClockSource(current: current, available: available), diagnostics)
    }
}

extension ClockSource {
    public static let sources: [MachineSource] = [
        MachineSource(
            directory + "/{current,available}_clocksource", optional: true, redaction: .none, reader: "ClockSource",
            why: "the clock source in use (hyperv_clocksource_tsc_page on a healthy guest)")
    ]
}
