/// One MSR on one CPU: what happened when hvctl went to read it, and what the value means.
public struct MSRReading: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case value(UInt64)
        /// The read was made and failed (EIO, EACCES, ENOENT, …), or `absent`: not in the snapshot.
        case failed(ReadFailure)
        /// The partition lacks the privilege (§2.4) and `--force` was not given: not read.
        case notGranted
        /// `MSRSafety` refuses it: never read, whatever the options (§2.1).
        case unsafe(String)
    }

    public var index: UInt32
    /// nil for an address the catalogue does not name (read only with `--force`).
    public var msr: SyntheticMSR?
    public var outcome: Outcome
    public var decoded: DecodedMSR?
    public var expectation: MSRExpectation?

    public init(index: UInt32, msr: SyntheticMSR?, outcome: Outcome) {
        self.index = index
        self.msr = msr
        self.outcome = outcome
    }

    public var value: UInt64? {
        if case .value(let value) = outcome { return value }
        return nil
    }

    /// The JSON `error`: an errno name, `not_granted`, `unsafe`, `not_captured` (a snapshot without
    /// this MSR) or `invalid` (a value that could not be parsed); nil for a value.
    public var errorCode: String? {
        switch outcome {
        case .value: return nil
        case .notGranted: return "not_granted"
        case .unsafe: return "unsafe"
        case .failed(.absent): return "not_captured"
        case .failed(.invalid): return "invalid"
        case .failed(.unreadable(let errno)): return errno.name
        }
    }

    /// The errno of a failed read; nil for anything else.
    public var errno: Errno? {
        if case .failed(.unreadable(let errno)) = outcome { return errno }
        return nil
    }

    /// True when a read reached the device or the capture (a value or an errno), not when hvctl
    /// declined to read.
    public var wasAttempted: Bool {
        switch outcome {
        case .value, .failed: return true
        case .notGranted, .unsafe: return false
        }
    }

    /// The short name, or the address for an uncatalogued one.
    public var name: String { msr?.name ?? hex32(index) }
}

/// The readings of one CPU.
public struct CPUMSRReadings: Sendable, Equatable {
    public var cpu: Int
    /// VP_INDEX on this CPU, when it could be read (§6.4: not the Linux CPU number).
    public var vpIndex: UInt64?
    public var readings: [MSRReading]

    public init(cpu: Int, vpIndex: UInt64?, readings: [MSRReading]) {
        self.cpu = cpu
        self.vpIndex = vpIndex
        self.readings = readings
    }

    public func reading(_ index: UInt32) -> MSRReading? { readings.first { $0.index == index } }
}

/// An MSR whose value is not the same on every CPU read.
public struct MSRDifference: Sendable, Equatable {
    public var msr: SyntheticMSR
    /// Value → the CPUs that hold it, in first-seen order.
    public var groups: [(value: UInt64, cpus: [Int])]
    /// True for per-VP registers, whose values are meant to differ (page addresses, VP index).
    public var expected: Bool
    public var note: String

    public static func == (lhs: MSRDifference, rhs: MSRDifference) -> Bool {
        lhs.msr == rhs.msr && lhs.expected == rhs.expected && lhs.note == rhs.note
            && lhs.groups.map(\.value) == rhs.groups.map(\.value) && lhs.groups.map(\.cpus) == rhs.groups.map(\.cpus)
    }
}
