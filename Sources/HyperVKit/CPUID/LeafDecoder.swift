/// Decodes raw hypervisor leaves against `LeafCatalog` (pure: no I/O; docs/architecture.md).
public enum LeafDecoder {
    /// Decodes one leaf. A nil register stays nil (unknown, e.g. not printed in the kernel log);
    /// a register without a layout (reserved, or a leaf whose layout is unconfirmed) keeps its
    /// raw value with every set bit listed as unknown.
    public static func decode(leaf: UInt32, registers: RegisterSet, architecture: Architecture) -> DecodedLeaf {
        let layout = LeafCatalog.layout(for: leaf, architecture: architecture)
        var decoded: [Register: DecodedRegister?] = [:]
        for register in Register.allCases {
            let value = registers[register].map { decode($0, layout: layout?.registers[register] ?? RegisterLayout()) }
            decoded.updateValue(value, forKey: register)
        }
        return DecodedLeaf(leaf: leaf, name: layout?.name ?? "Unknown leaf", registers: decoded)
    }

    /// Decodes every leaf of `leaves`, ascending by leaf number.
    public static func decode(leaves: HypervisorLeaves, architecture: Architecture) -> [DecodedLeaf] {
        leaves.keys.sorted().compactMap { leaf in
            leaves[leaf].map { decode(leaf: leaf, registers: $0, architecture: architecture) }
        }
    }

    /// Decodes one register value against its layout.
    public static func decode(_ raw: UInt32, layout: RegisterLayout) -> DecodedRegister {
        let flags = layout.flags.map { DecodedFlag(bit: $0.bit, name: $0.name, set: raw & $0.mask != 0) }
        let fields = layout.fields.map { (name: $0.name, value: $0.value(in: raw)) }
        let unknown = raw & ~layout.knownMask
        let unknownBits = (0..<32).filter { unknown & (UInt32(1) << UInt32($0)) != 0 }
        return DecodedRegister(raw: raw, flags: flags, fields: fields, unknownSetBits: unknownBits)
    }
}
