/// One named bit of a decoded register, set or not.
public struct DecodedFlag: Sendable, Codable, Equatable {
    public let bit: Int
    public let name: String
    public let set: Bool

    public init(bit: Int, name: String, set: Bool) {
        self.bit = bit
        self.name = name
        self.set = set
    }

    enum CodingKeys: String, CodingKey {
        case bit, name, set
    }
}

/// One register decoded against its layout. Nothing is dropped: bits no flag or field names
/// stay visible in `unknownSetBits` (docs/architecture.md ("Style"), "Unknown values are shown raw, never dropped").
///
/// JSON (docs/json-schema.md, REG): `{"raw": "0x…", "flags": [...], "fields": {...}, "unknown_set_bits": [...]}`,
/// keys in that order, `fields` in layout order.
public struct DecodedRegister: Sendable, Codable, Equatable {
    public let raw: UInt32
    /// Every known flag, set or not, in bit order.
    public let flags: [DecodedFlag]
    /// Multi-bit fields in layout order.
    public let fields: [(name: String, value: UInt64)]
    /// Set bits covered by no flag and no field, ascending.
    public let unknownSetBits: [Int]

    public init(raw: UInt32, flags: [DecodedFlag], fields: [(name: String, value: UInt64)], unknownSetBits: [Int]) {
        self.raw = raw
        self.flags = flags
        self.fields = fields
        self.unknownSetBits = unknownSetBits
    }

    /// Whether the flag called `name` is set; nil when the layout has no such flag.
    public func flag(_ name: String) -> Bool? {
        flags.first { $0.name == name }?.set
    }

    /// The value of the field called `name`; nil when the layout has no such field.
    public func field(_ name: String) -> UInt64? {
        fields.first { $0.name == name }?.value
    }

    /// Fields compare as a set of name/value pairs: JSON object order carries no meaning, and a
    /// decoded JSON object does not keep it.
    public static func == (lhs: DecodedRegister, rhs: DecodedRegister) -> Bool {
        func sorted(_ fields: [(name: String, value: UInt64)]) -> [(name: String, value: UInt64)] {
            fields.sorted { ($0.name, $0.value) < ($1.name, $1.value) }
        }
        return lhs.raw == rhs.raw && lhs.flags == rhs.flags && lhs.unknownSetBits == rhs.unknownSetBits
            && sorted(lhs.fields).elementsEqual(sorted(rhs.fields)) { $0.name == $1.name && $0.value == $1.value }
    }

    enum CodingKeys: String, CodingKey {
        case raw, flags, fields
        case unknownSetBits = "unknown_set_bits"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Hex.format(raw, digits: 8), forKey: .raw)
        try container.encode(flags, forKey: .flags)
        var fieldContainer = container.nestedContainer(keyedBy: NameKey.self, forKey: .fields)
        for field in fields {
            try fieldContainer.encode(field.value, forKey: NameKey(field.name))
        }
        try container.encode(unknownSetBits, forKey: .unknownSetBits)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .raw)
        guard let raw = Hex.parse32(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: .raw, in: container, debugDescription: "not a 32-bit \"0x…\" value: \(text)")
        }
        self.raw = raw
        flags = try container.decode([DecodedFlag].self, forKey: .flags)
        let fieldContainer = try container.nestedContainer(keyedBy: NameKey.self, forKey: .fields)
        fields = try fieldContainer.allKeys.sorted { $0.stringValue < $1.stringValue }.map { key in
            (name: key.stringValue, value: try fieldContainer.decode(UInt64.self, forKey: key))
        }
        unknownSetBits = try container.decode([Int].self, forKey: .unknownSetBits)
    }
}

/// One hypervisor leaf, decoded. A nil register is unknown (the kernel log does not print it)
/// and encodes as `null`, never as zero (docs/json-schema.md).
///
/// JSON: `{"leaf": "0x40000003", "name": "...", "registers": {"eax": REG|null, "ebx": …, "ecx": …, "edx": …}}`,
/// all four register keys always present, in that order.
public struct DecodedLeaf: Sendable, Codable, Equatable {
    public let leaf: UInt32
    public let name: String
    /// Always holds all four registers; a nil value is unknown.
    public let registers: [Register: DecodedRegister?]
    /// How the kernel uses a leaf only newer kernels read (`LeafPresence.kernelNotes`); the JSON
    /// key `note` is there only then.
    public var note: String?

    public init(leaf: UInt32, name: String, registers: [Register: DecodedRegister?], note: String? = nil) {
        self.leaf = leaf
        self.name = name
        self.registers = Dictionary(uniqueKeysWithValues: Register.allCases.map { ($0, registers[$0] ?? nil) })
        self.note = note
    }

    /// One register, nil when unknown.
    public func register(_ register: Register) -> DecodedRegister? {
        registers[register] ?? nil
    }

    enum CodingKeys: String, CodingKey {
        case leaf, name, note, registers
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Hex.format(leaf, digits: 8), forKey: .leaf)
        try container.encode(name, forKey: .name)
        if let note { try container.encode(note, forKey: .note) }
        var registerContainer = container.nestedContainer(keyedBy: NameKey.self, forKey: .registers)
        for register in Register.allCases {
            try registerContainer.encode(self.register(register), forKey: NameKey(register.rawValue))
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .leaf)
        guard let leaf = Hex.parse32(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: .leaf, in: container, debugDescription: "not a \"0x…\" leaf number: \(text)")
        }
        let registerContainer = try container.nestedContainer(keyedBy: NameKey.self, forKey: .registers)
        var registers: [Register: DecodedRegister?] = [:]
        for register in Register.allCases {
            let key = NameKey(register.rawValue)
            let value = try registerContainer.decodeIfPresent(DecodedRegister.self, forKey: key)
            registers.updateValue(value, forKey: register)
        }
        self.init(
            leaf: leaf, name: try container.decode(String.self, forKey: .name), registers: registers,
            note: try container.decodeIfPresent(String.self, forKey: .note))
    }
}
