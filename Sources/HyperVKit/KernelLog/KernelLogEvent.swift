/// What one recognised line means, with every printed number fitted back into its register.
enum KernelLogEvent: Sendable, Equatable {
    case privilege(PrivilegeWords)
    case host(HostVersion, HostBuildLineFormat)
    case legacyVMBusHost(HostVersion, VMBusVersion)
    case isolation(groupA: UInt32, groupB: UInt32)
    case nested(UInt32)
    case lapicTimerFrequency(UInt32)
    case vmbusVersion(VMBusVersion)
    case vmbusConfidential(Bool)
    case vmbusIsolationVersionRejected(VMBusVersionRejection)
    case unknownGUID(String)
    case hypervisorDetected(String)
    case clocksource(String)
    case enlightenedAPIC(mode: String)
    case pvSpinlocks(enabled: Bool)
    /// A driver's `… IC version`, `Using Dynamic Memory protocol version`, … line.
    case deviceProtocol(DeviceProtocolLine)
    /// A message that carries no value: its presence is the fact.
    case flag(KernelLogMessage)
}

/// The words of a feature line; the ones its generation does not print are nil.
struct PrivilegeWords: Sendable, Equatable {
    var low: UInt32
    var high: UInt32?
    var ext: UInt32?
    var hints: UInt32
    var misc: UInt32?
    var format: PrivilegeLineFormat
}

/// Why a recognised line could not be used.
struct KernelLogRejection: Error, Sendable, Equatable {
    var reason: String
}

extension KernelLogEvent {
    /// Decodes a recognised line. Throws when a value cannot have come from the field it was
    /// printed from (`0x1ffffffff` for a 32-bit register, a negative minor version, …).
    init(_ line: RecognizedLine) throws(KernelLogRejection) {
        var fields = CaptureReader(line.captures)
        switch line.message {
        case .privilegeFlagsExt, .privilegeFlags, .featuresMisc, .features:
            self = .privilege(try Self.privilege(line, &fields))
        case .hostBuild, .hypervisorBuild, .legacyHostBuild, .legacyOSHostBuild:
            self = .host(try HostBuildFields.decode(line.message, &fields), Self.hostFormat(line.message))
        case .legacyVMBusHostBuild:
            let host = try HostBuildFields.decode(line.message, &fields)
            self = .legacyVMBusHost(host, try fields.vmbusVersion())
        case .isolationConfig:
            self = .isolation(groupA: try fields.word("Group A"), groupB: try fields.word("Group B"))
        case .nestedFeatures: self = .nested(try fields.word("nested features"))
        case .lapicTimerFrequency: self = .lapicTimerFrequency(try fields.word("LAPIC timer frequency"))
        case .vmbusVersion: self = .vmbusVersion(try fields.vmbusVersion())
        case .vmbusConfidential: self = .vmbusConfidential(try fields.boolean("VMBus is confidential"))
        case .vmbusInvalidIsolationVersion:
            let rejection = VMBusVersionRejection(
                offered: try fields.vmbusVersion(), required: try fields.vmbusVersion())
            self = .vmbusIsolationVersionRejected(rejection)
        case .vmbusUnknownGUID: self = .unknownGUID(try fields.guid())
        case .hypervisorDetected: self = .hypervisorDetected(try fields.text())
        case .clocksourceSwitched: self = .clocksource(try fields.text())
        case .enlightenedAPIC: self = .enlightenedAPIC(mode: try fields.text())
        case .pvSpinlocksEnabled, .pvSpinlocksDisabled:
            self = .pvSpinlocks(enabled: line.message == .pvSpinlocksEnabled)
        case .kvpIC, .timeSyncIC, .heartbeatIC, .shutdownIC, .vssIC, .fcopyIC, .dynamicMemoryProtocol, .synthvidFB,
            .synthvidDRM, .vpciProtocol, .nvspProtocol:
            self = .deviceProtocol(try DeviceProtocolLine.decode(line, &fields))
        case .rootPartition, .l1vhPartition, .nestedHypervisor, .ipiHypercalls, .remoteTLBFlush,
            .crashKexecPostNotifiers,
            .vmbusUnableToConnect, .hypercallMSRUnavailable, .vpIndexMSRUnavailable, .tscUnstable:
            self = .flag(line.message)
        }
    }

    /// The words in the order each generation prints them (reference §7.1, §7.3).
    private static func privilege(
        _ line: RecognizedLine, _ fields: inout CaptureReader
    ) throws(KernelLogRejection) -> PrivilegeWords {
        switch line.message {
        case .privilegeFlagsExt:
            return PrivilegeWords(
                low: try fields.word("low"), high: try fields.word("high"), ext: try fields.word("ext"),
                hints: try fields.word("hints"), misc: try fields.word("misc"), format: .privilegeFlagsExt)
        case .privilegeFlags:
            return PrivilegeWords(
                low: try fields.word("low"), high: try fields.word("high"), hints: try fields.word("hints"),
                misc: try fields.word("misc"), format: .privilegeFlags)
        case .featuresMisc:
            return PrivilegeWords(
                low: try fields.word("features"), hints: try fields.word("hints"), misc: try fields.word("misc"),
                format: .featuresMisc)
        default:
            return PrivilegeWords(
                low: try fields.word("features"), hints: try fields.word("hints"),
                format: line.hyphenless ? .hyperVFeaturesOld : .features)
        }
    }

    private static func hostFormat(_ message: KernelLogMessage) -> HostBuildLineFormat {
        switch message {
        case .hypervisorBuild: return .hypervisorBuild
        case .legacyHostBuild: return .legacy
        case .legacyVMBusHostBuild: return .legacyVMBus
        case .legacyOSHostBuild: return .legacyHostOS
        default: return .hostBuild
        }
    }
}
