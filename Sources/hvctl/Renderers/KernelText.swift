import HyperVKit

/// The text form of `hvctl kernel`: a summary block, the options with their modules, the module
/// parameters, and one row per VMBus device.
struct KernelText {
    var report: KernelSupportReport
    var color: Bool

    func render() -> String {
        var block = KeyValueBlock()
        block.add("Kernel", report.kernelRelease ?? "unknown")
        block.add("Config", config)
        block.add("Hyper-V", KernelSupportText.hyperV(report))
        block.add("VMBus devices", KernelSupportText.devices(report))
        var out = block.render(color: color) + "\n" + options()
        let parameters = parameterLines()
        if !parameters.isEmpty { out += "\n" + parameters }
        if report.vmbusPresent == true && !report.devices.isEmpty { out += "\n" + devices() }
        return out
    }

    private var config: String {
        if let source = report.config.source { return source }
        let tried = report.config.tried.joined(separator: " nor ")
        return "none: neither \(tried) exists"
    }

    private func options() -> String {
        var table = Table(columns: [
            Table.Column("OPTION"), Table.Column("VALUE"), Table.Column("MODULE"), Table.Column("STATE"),
            Table.Column("WHAT"),
        ])
        for entry in report.options {
            table.append([
                Table.Cell(entry.option.name), value(entry), Table.Cell(entry.option.module ?? "-"), state(entry),
                Table.Cell(entry.option.summary),
            ])
        }
        return table.render(color: color)
    }

    private func value(_ entry: KernelSupportReport.Option) -> Table.Cell {
        switch entry.value {
        case .some(.builtIn): return Table.Cell("y")
        case .some(.module): return Table.Cell("m")
        case .some(.notSet): return Table.Cell("not set", .dim)
        case .some(.other(let text)): return Table.Cell(text)
        case .none: return Table.Cell(entry.configKnown ? "absent" : "-", .dim)
        }
    }

    private func state(_ entry: KernelSupportReport.Option) -> Table.Cell {
        guard let state = entry.moduleState else {
            switch entry.value {
            case .some(.builtIn): return Table.Cell("built in")
            case .some: return Table.Cell("not built", .dim)
            case .none: return Table.Cell(entry.configKnown ? "not built" : "-", .dim)
            }
        }
        switch state {
        case .loaded:
            let initstate = entry.sysfs?.initstate ?? "live"
            return Table.Cell(initstate == "live" ? "loaded" : "loaded (\(initstate))", .green)
        case .builtIn: return Table.Cell("built in", .green)
        case .notLoaded: return Table.Cell("not loaded", .yellow)
        case .notBuilt: return Table.Cell("not built", .dim)
        }
    }

    /// `hv_vmbus  max_version=327683 (5.3, the newest VMBus version this guest tries)`.
    private func parameterLines() -> String {
        var block = KeyValueBlock()
        // Two options can name one module (CONFIG_HYPERV and, on newer kernels, CONFIG_HYPERV_VMBUS
        // are both hv_vmbus): its parameters are printed once.
        var printed: Set<String> = []
        for entry in report.options {
            guard let sysfs = entry.sysfs, !sysfs.parameters.isEmpty, printed.insert(sysfs.name).inserted else {
                continue
            }
            let text = sysfs.parameters.map { parameter in
                var item = "\(parameter.name)=\(parameter.value ?? "?")"
                if sysfs.name == "hv_vmbus", parameter.name == "max_version",
                    let raw = parameter.value.flatMap({ UInt32($0) }), let version = VMBusVersion(encoded: raw)
                {
                    item += " (VMBus \(version), the newest version this guest tries)"
                }
                return item
            }
            block.add(sysfs.name, text.joined(separator: " "))
        }
        guard !block.entries.isEmpty else { return "" }
        return Style.bold.apply("PARAMETERS", enabled: color) + "\n" + block.render(color: color)
    }

    private func devices() -> String {
        var table = Table(columns: [
            Table.Column("RELID", .right), Table.Column("CLASS"), Table.Column("DEVICE"), Table.Column("DRIVER"),
            Table.Column("STATUS"),
        ])
        for entry in report.devices {
            let device = entry.device
            table.append([
                Table.Cell(device.relid.map(String.init) ?? "-"),
                Table.Cell(device.classLabel),
                Table.Cell(String(device.deviceID.prefix(8))), Table.Cell(device.driver ?? "-"), status(entry.verdict),
            ])
        }
        return table.render(color: color)
    }

    private func status(_ verdict: DriverVerdict) -> Table.Cell {
        switch verdict.status {
        case .bound: return Table.Cell("bound")
        case .noLinuxDriver, .unknownClass: return Table.Cell(verdict.message, .dim)
        case .loadedNotBound: return Table.Cell(verdict.message, .red)
        default: return Table.Cell(verdict.message, .yellow)
        }
    }
}
