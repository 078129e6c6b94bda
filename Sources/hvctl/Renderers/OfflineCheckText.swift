import HyperVKit

struct OfflineCheckText {
    var report: OfflineCheckReport
    var vmbus: VMBusState
    var color: Bool

    func render() -> String {
        var out = ""
        let version = report.version.map { "VMBus \($0) (\(report.versionSource ?? "?"))" } ?? "VMBus version unknown"
        out += "\(version); kernel \(report.kernel?.description ?? "unknown")\n"
        for verdict in report.verdicts {
            out += "\n" + headline(verdict) + "\n"
            for blocker in verdict.blockers {
                out += "  - \(blocker.reason.rawValue): \(blocker.message)\n"
            }
            if verdict.fixable {
                out += "  fixable: hvctl cpu evacuate \(verdict.cpu) --apply would move:\n"
                for move in verdict.plannedMoves { out += "    \(describe(move))\n" }
            }
            for note in verdict.notes where verdict.online {
                out += "  note: \(note)\n"
            }
        }
        if report.verdicts.contains(where: { $0.online }) { out += "\nnote: \(OfflineCheck.transientBusyNote)\n" }
        return out
    }

    private func headline(_ verdict: OfflineVerdict) -> String {
        if verdict.canOffline { return Style.green.apply("CPU \(verdict.cpu): can go offline", enabled: color) }
        let state = verdict.fixable ? "cannot go offline now (fixable)" : "cannot go offline"
        return Style.red.apply("CPU \(verdict.cpu): \(state)", enabled: color)
    }

    private func describe(_ move: ChannelMove) -> String {
        let device = vmbus.devices.first { $0.deviceID == move.deviceID }
        let name = VMBusDevice.briefName(classLabel: device?.classLabel ?? "device", deviceID: move.deviceID)
        return "\(name) relid \(move.relid): CPU \(move.from) -> CPU \(move.to)"
    }
}
