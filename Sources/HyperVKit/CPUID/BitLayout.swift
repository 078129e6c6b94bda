/// One named single-bit flag of a register.
///
/// `name` is the TLFS CamelCase name; where the TLFS calls the bit reserved but openvmm
/// (`vm/hv1/hvdef/src/lib.rs`) or Linux names it, the openvmm name in CamelCase, and `summary`
/// says so (reference §0, §1).
public struct BitFlag: Sendable, Hashable {
    public let bit: Int
    public let name: String
    public let summary: String
    /// The Linux macro for this bit (6.1, or a newer kernel where the summary says so).
    public let linuxMacro: String?

    public init(bit: Int, name: String, summary: String, linuxMacro: String? = nil) {
        self.bit = bit
        self.name = name
        self.summary = summary
        self.linuxMacro = linuxMacro
    }

    /// The terse form the bit tables use.
    init(_ bit: Int, _ name: String, _ summary: String, _ linuxMacro: String? = nil) {
        self.init(bit: bit, name: name, summary: summary, linuxMacro: linuxMacro)
    }

    /// The register value with only this bit set.
    public var mask: UInt32 { UInt32(1) << UInt32(bit) }
}

/// A multi-bit field of a register, named in snake_case (`spinlock_retries`, `build_number`).
public struct BitField: Sendable, Hashable {
    public let name: String
    /// The lowest bit of the field.
    public let low: Int
    /// The number of bits, 1...32.
    public let width: Int
    public let summary: String

    public init(name: String, low: Int, width: Int, summary: String) {
        self.name = name
        self.low = low
        self.width = width
        self.summary = summary
    }

    /// The bits this field covers, in place.
    public var mask: UInt32 {
        let ones: UInt64 = width >= 32 ? 0xFFFF_FFFF : (UInt64(1) << UInt64(width)) - 1
        return UInt32(truncatingIfNeeded: ones << UInt64(low))
    }

    /// The field's value in `raw`.
    public func value(in raw: UInt32) -> UInt64 {
        UInt64((raw & mask) >> UInt32(low))
    }
}

/// The named bits and fields of one register. Bits covered by neither are reserved.
public struct RegisterLayout: Sendable, Hashable {
    public let flags: [BitFlag]
    public let fields: [BitField]

    public init(flags: [BitFlag] = [], fields: [BitField] = []) {
        self.flags = flags.sorted { $0.bit < $1.bit }
        self.fields = fields
    }

    /// A register that holds one value in all 32 bits (a count, a signature).
    public static func whole(_ name: String, _ summary: String) -> RegisterLayout {
        RegisterLayout(fields: [BitField(name: name, low: 0, width: 32, summary: summary)])
    }

    /// Every bit some flag or field names.
    public var knownMask: UInt32 {
        flags.reduce(0) { $0 | $1.mask } | fields.reduce(0) { $0 | $1.mask }
    }
}

/// What hvctl knows about one hypervisor leaf: its name and the layout of each register.
/// A register missing from `registers` is reserved (or its layout is unconfirmed).
public struct LeafLayout: Sendable {
    public let leaf: UInt32
    public let name: String
    public let summary: String
    public let registers: [Register: RegisterLayout]

    public init(leaf: UInt32, name: String, summary: String, registers: [Register: RegisterLayout]) {
        self.leaf = leaf
        self.name = name
        self.summary = summary
        self.registers = registers
    }
}
