import HyperVKit

/// The text form of `hvctl features`: a summary, then each leaf with its registers; set flags by
/// default, every flag with `--all`; raw registers with `--raw`.
struct FeaturesText {
    var report: FeaturesReport
    var showAll: Bool
    var color: Bool

    func render() -> String {
        var out = summary()
        for leaf in report.leaves {
            let layout = LeafCatalog.layout(for: leaf.leaf, architecture: report.architecture)
            let body = registers(of: leaf, layout: layout)
            if body.isEmpty && !showAll { continue }
            out += "\n" + Style.bold.apply("\(hex32(leaf.leaf))  \(leaf.name)", enabled: color) + "\n"
            if let note = leaf.note { out += "  (\(note))\n" }
            out += body
        }
        return out
    }

    private func summary() -> String {
        var block = KeyValueBlock()
        let summary = report.summary
        block.add("Source", report.source == .cpuid ? "CPUID (CPU 0)" : "kernel log (\(report.architecture.rawValue))")
        block.add("Hypervisor", SummaryText.hypervisor(summary.hypervisor))
        block.add("Hyper-V", summary.hypervisor.isHyperV ? "yes" : "no", summary.hypervisor.isHyperV ? .green : .yellow)
        guard summary.hypervisor.isHyperV else { return block.render(color: color) }
        block.add("Host", SummaryText.host(summary.host))
        block.add("Partition", SummaryText.role(summary.partition))
        block.add("Isolation", SummaryText.isolation(summary.isolation))
        block.add("Nested", SummaryText.yesNo(summary.nested))
        block.add("Limits", SummaryText.limits(summary.limits))
        return block.render(color: color)
    }

    /// One block per register: its raw value, its fields, its flags, its unknown set bits.
    private func registers(of leaf: DecodedLeaf, layout: LeafLayout?) -> String {
        var out = ""
        for register in Register.allCases {
            let name = register.rawValue.uppercased()
            guard let decoded = leaf.register(register) else {
                if showAll || report.source == .cpuid { out += "  \(name)  unknown (not in the kernel log)\n" }
                continue
            }
            let registerLayout = layout?.registers[register]
            let flags = decoded.flags.filter { showAll || $0.set }
            let interesting = !flags.isEmpty || !decoded.fields.isEmpty || !decoded.unknownSetBits.isEmpty
            guard interesting || showAll else { continue }
            out += "  \(name)  \(hex32(decoded.raw))\n"
            out += fieldLines(decoded, layout: registerLayout)
            out += flagTable(flags, layout: registerLayout)
            if !decoded.unknownSetBits.isEmpty {
                let bits = decoded.unknownSetBits.map(String.init).joined(separator: ", ")
                out += Style.yellow.apply("      unknown set bits: \(bits)", enabled: color) + "\n"
            }
        }
        return out
    }

    private func fieldLines(_ register: DecodedRegister, layout: RegisterLayout?) -> String {
        var table = Table(columns: [Table.Column("FIELD"), Table.Column("VALUE"), Table.Column("MEANING")])
        for field in register.fields {
            let summary = layout?.fields.first { $0.name == field.name }?.summary ?? ""
            table.append([Table.Cell(field.name), Table.Cell(FeaturesText.format(field)), Table.Cell(summary)])
        }
        return table.rows.isEmpty ? "" : table.render(headings: false, color: color, indent: "      ")
    }

    /// Signatures as their ASCII text, other values in decimal with hex beside large ones.
    static func format(_ field: (name: String, value: UInt64)) -> String {
        if field.name.hasSuffix("signature") {
            return "\"" + SignatureText.text(of: [UInt32(truncatingIfNeeded: field.value)]) + "\""
        }
        return field.value < 10 ? String(field.value) : "\(field.value) (\(Hex.format(field.value)))"
    }

    private func flagTable(_ flags: [DecodedFlag], layout: RegisterLayout?) -> String {
        var columns = [Table.Column("BIT", .right), Table.Column("NAME"), Table.Column("MEANING")]
        if showAll { columns.insert(Table.Column("SET"), at: 0) }
        var table = Table(columns: columns)
        for flag in flags {
            let summary = layout?.flags.first { $0.bit == flag.bit }?.summary ?? ""
            var row = [
                Table.Cell(String(flag.bit)), Table.Cell(flag.name, flag.set ? .green : .dim), Table.Cell(summary),
            ]
            if showAll { row.insert(Table.Cell(flag.set ? "yes" : "no", flag.set ? .green : .dim), at: 0) }
            table.append(row)
        }
        return table.rows.isEmpty ? "" : table.render(headings: false, color: color, indent: "      ")
    }
}

/// `--raw`: the registers as `cpuid -r` prints them, for pasting into a ticket.
struct RawLeavesText {
    var report: FeaturesReport

    func render() -> String {
        var table = Table(columns: [
            Table.Column("LEAF"), Table.Column("EAX"), Table.Column("EBX"), Table.Column("ECX"), Table.Column("EDX"),
        ])
        for leaf in report.leaves {
            var row = [Table.Cell(hex32(leaf.leaf))]
            for register in Register.allCases {
                row.append(Table.Cell(leaf.register(register).map { hex32($0.raw) } ?? "-"))
            }
            table.append(row)
        }
        return table.render()
    }
}
