/// Whether a logged VMBus version agrees with the host build and the cap (reference §8,
/// "Consistency checks hvctl can make (not proofs)": WS2016 hosts should negotiate 4.0, WS2019
/// 5.2, WS2022 5.3).
///
/// A disagreement is a warning, never an error: a pasted log may come from another boot or
/// another machine, and §8 warns that a build must not be over-trusted.
public struct VMBusConsistency: Sendable, Equatable {
    /// nil when there is nothing to compare with (no pairing for the build, or not enough known).
    public var consistent: Bool?
    public var reasoning: [String]
    /// One sentence per disagreement, for diagnostics.
    public var warnings: [String]

    public init(logged: VMBusVersion, cap: VMBusVersion?, negotiation: VMBusNegotiation) {
        reasoning = []
        warnings = []
        if let cap, logged > cap {
            consistent = false
            warnings.append(
                "the kernel log says VMBus \(logged) but max_version caps at \(cap): the log is from another boot")
        }
        guard let host = negotiation.host else {
            reasoning.append(
                negotiation.hostBuild.map {
                    "the reference pairs no VMBus version with host build \($0): nothing to check it against (§8)"
                } ?? "the host build is unknown: nothing to check the version against")
            return
        }
        let name = "host build \(host.build), \(host.release), whose VMBus is \(host.version)"
        if logged > host.version {
            consistent = false
            warnings.append(
                "the kernel log says VMBus \(logged) but host build \(host.build) (\(host.release)) offers at most \(host.version) (reference §8): the log and the host build disagree"
            )
        } else if logged == host.version {
            consistent = consistent ?? true
            reasoning.append("consistent with \(name) (reference §8)")
        } else if let expected = negotiation.expected {
            if expected == logged {
                consistent = consistent ?? true
                reasoning.append("consistent with \(name), given the versions this guest tries and max_version")
            } else {
                consistent = false
                warnings.append(
                    "host build \(host.build) (\(host.release)) should negotiate \(expected) here (reference §8) but the kernel log says \(logged)"
                )
            }
        } else {
            reasoning.append(
                "lower than the \(host.version) of host build \(host.build) (\(host.release)); the kernel release or max_version may explain it"
            )
        }
    }
}
