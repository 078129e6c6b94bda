/// `hvctl msr --json` (docs/json-schema.md, schema_version 1): per CPU, every MSR asked for with its raw
/// value or error and its decoded fields; hvctl adds the catalogue facts, the comparison with a
/// healthy Linux guest, and the values that differ between CPUs (docs/json-schema.md).
public struct MSRReport: Sendable, Encodable {
    public static let schemaVersion = 1

    /// How the reads went as a whole; the CLI maps it to the exit status.
    public enum ReadStatus: Sendable, Equatable {
        /// At least one value was read (or nothing needed reading).
        case someRead
        /// Every attempted read failed with EACCES or EPERM: needs root / CAP_SYS_RAWIO (exit 77).
        case permissionDenied
        /// Every attempted read failed with ENOENT or ENXIO: the msr driver is not loaded (exit 69).
        case driverMissing
        /// Every attempted read failed otherwise (EIO, garbled capture: exit 74).
        case allFailed
        /// A snapshot holds no value for any MSR asked (exit 65).
        case nothingCaptured
        /// A snapshot's MSR capture could not be used (a garbled `msr/cpuN.txt`: exit 65, issue 12).
        case invalidCapture
    }

    public var cpus: [CPUMSRReadings]
    public var privileges: PartitionPrivileges
    public var forced: Bool
    public var differences: [MSRDifference] = []
    public var diagnostics: [Diagnostic] = []

    public init(cpus: [CPUMSRReadings], privileges: PartitionPrivileges, forced: Bool) {
        self.cpus = cpus
        self.privileges = privileges
        self.forced = forced
    }

    public var readStatus: ReadStatus {
        let attempted = cpus.flatMap(\.readings).filter(\.wasAttempted)
        guard !attempted.isEmpty, !attempted.contains(where: { $0.value != nil }) else { return .someRead }
        if attempted.allSatisfy({ $0.errorCode == "not_captured" }) { return .nothingCaptured }
        if attempted.allSatisfy({ $0.errorCode == "invalid" || $0.errorCode == "not_captured" }) {
            return .invalidCapture
        }
        if attempted.contains(where: { $0.errno == .EACCES || $0.errno == .EPERM }) { return .permissionDenied }
        if attempted.contains(where: { $0.errno == .ENOENT || $0.errno == .ENXIO }) { return .driverMissing }
        return .allFailed
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case cpus, differences, privileges, forced, diagnostics
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(MSRReport.schemaVersion, forKey: .schemaVersion)
        try container.encode(cpus.map(CPUJSON.init), forKey: .cpus)
        try container.encode(differences.map(DifferenceJSON.init), forKey: .differences)
        try container.encode(PrivilegesJSON(privileges: privileges), forKey: .privileges)
        try container.encode(forced, forKey: .forced)
        try container.encode(diagnostics, forKey: .diagnostics)
    }

    struct CPUJSON: Encodable {
        var cpu: CPUMSRReadings

        enum CodingKeys: String, CodingKey {
            case cpu
            case vpIndex = "vp_index"
            case msrs
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(cpu.cpu, forKey: .cpu)
            try container.encode(cpu.vpIndex, forKey: .vpIndex)
            try container.encode(cpu.readings.map(ReadingJSON.init), forKey: .msrs)
        }
    }

    struct ReadingJSON: Encodable {
        var reading: MSRReading

        enum CodingKeys: String, CodingKey {
            case index, name, raw, error, fields, summary, expected, matches, explanation
            case tlfsName = "tlfs_name"
            case linuxMacro = "linux_macro"
            case scope, gate
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(hex32(reading.index), forKey: .index)
            try container.encode(reading.msr?.name, forKey: .name)
            try container.encode(reading.value.map(hex64), forKey: .raw)
            try container.encode(reading.errorCode, forKey: .error)
            try container.encode(reading.decoded ?? DecodedMSR(fields: [], summary: ""), forKey: .fields)
            try container.encode(reading.decoded?.summary, forKey: .summary)
            try container.encode(reading.expectation?.expected, forKey: .expected)
            try container.encode(reading.expectation?.matches, forKey: .matches)
            try container.encode(reading.expectation?.explanation, forKey: .explanation)
            try container.encode(reading.msr?.tlfsName, forKey: .tlfsName)
            try container.encode(reading.msr?.linuxMacro, forKey: .linuxMacro)
            try container.encode(reading.msr?.scope.rawValue, forKey: .scope)
            try container.encode(reading.msr?.gate?.description, forKey: .gate)
        }
    }

    struct DifferenceJSON: Encodable {
        var difference: MSRDifference

        enum CodingKeys: String, CodingKey {
            case index, name, scope, expected, note, values
        }

        struct Group: Encodable {
            var raw: String
            var cpus: [Int]
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(hex32(difference.msr.index), forKey: .index)
            try container.encode(difference.msr.name, forKey: .name)
            try container.encode(difference.msr.scope.rawValue, forKey: .scope)
            try container.encode(difference.expected, forKey: .expected)
            try container.encode(difference.note, forKey: .note)
            try container.encode(difference.groups.map { Group(raw: hex64($0.value), cpus: $0.cpus) }, forKey: .values)
        }
    }

    struct PrivilegesJSON: Encodable {
        var privileges: PartitionPrivileges

        enum CodingKeys: String, CodingKey {
            case source, eax, ebx, edx, hints
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(privileges.source, forKey: .source)
            try container.encode(privileges.privilegeLow.map { Hex.format($0, digits: 8) }, forKey: .eax)
            try container.encode(privileges.privilegeHigh.map { Hex.format($0, digits: 8) }, forKey: .ebx)
            try container.encode(privileges.features.map { Hex.format($0, digits: 8) }, forKey: .edx)
            try container.encode(privileges.hints.map { Hex.format($0, digits: 8) }, forKey: .hints)
        }
    }
}
