/// Re-plays the guest's side of VMBus negotiation (reference §5.2) from what can be read without
/// the kernel log: the host build, the `max_version` cap and the guest kernel's release.
///
/// The guest tries its versions newest first, skips those above `max_version`, and keeps the
/// first the host accepts. The result is an inference, never a reading: it assumes the host
/// accepts every version up to the newest the reference pairs with its build (§8), and it gives up
/// (nil, with the reason) whenever an input is unknown or the reference states no pairing.
public struct VMBusNegotiation: Sendable, Equatable {
    /// What the inference starts from.
    public struct Inputs: Sendable, Equatable {
        public var hostBuild: UInt32?
        public var maxVersion: VMBusVersion?
        public var kernelRelease: String?
        /// From the isolation configuration (0x40000003 EBX[22], 0x4000000C); nil when unknown.
        public var isolated: Bool?

        public init(hostBuild: UInt32?, maxVersion: VMBusVersion?, kernelRelease: String?, isolated: Bool?) {
            self.hostBuild = hostBuild
            self.maxVersion = maxVersion
            self.kernelRelease = kernelRelease
            self.isolated = isolated
        }
    }

    /// The host build the inference started from.
    public var hostBuild: UInt32?
    /// The host build's pairing, when the reference states one.
    public var host: VMBusProtocolFacts.HostPairing?
    /// The versions this guest tries, newest first, above-cap ones removed; nil when unknown.
    public var order: [VMBusVersion]?
    /// The version the guest should settle on; nil when it cannot be inferred.
    public var expected: VMBusVersion?
    /// Why, in order: one sentence per step.
    public var reasoning: [String]

    public init(_ inputs: Inputs) {
        reasoning = []
        hostBuild = inputs.hostBuild
        let kernel = inputs.kernelRelease.flatMap(KernelRelease.init)
        order = kernel.flatMap { VMBusProtocolFacts.guestOrder(kernel: $0, cap: inputs.maxVersion) }.map { list in
            guard let cap = inputs.maxVersion else { return list }
            return list.filter { $0 <= cap }
        }
        host = inputs.hostBuild.flatMap(VMBusProtocolFacts.pairing(forBuild:))
        guard let hostVersion = explainHost(inputs.hostBuild) else { return }
        guard let order = explainGuest(kernel, release: inputs.kernelRelease, cap: inputs.maxVersion), let kernel
        else { return }
        guard let settled = order.first(where: { $0 <= hostVersion }) else {
            reasoning.append(
                "no version the guest tries is at or below the host's \(hostVersion): VMBus would not connect")
            return
        }
        reasoning.append(
            "assuming the host accepts every version up to its newest, the guest settles on \(settled) (§5.2)")
        guard explainSettled(settled, isolated: inputs.isolated, kernel: kernel) else { return }
        expected = settled
    }

    /// The checks after settling: the isolated-VM minimum (§5.2), and the assumption 2.4 and 3.0
    /// rest on in kernels newer than 6.1 (§5.1). False when the kernel would refuse the version.
    private mutating func explainSettled(_ settled: VMBusVersion, isolated: Bool?, kernel: KernelRelease) -> Bool {
        let minimum = VMBusProtocolFacts.isolatedMinimum
        if isolated == true {
            guard settled >= minimum else {
                reasoning.append(
                    "an isolated VM needs at least \(minimum): the kernel refuses \(settled) and VMBus does not connect (§5.2)"
                )
                return false
            }
            reasoning.append("an isolated VM needs at least \(minimum): \(settled) meets it")
        }
        if settled <= VMBusProtocolFacts.win81, kernel > VMBusProtocolFacts.baselineKernel {
            reasoning.append(
                "assuming kernel \(kernel) still offers 2.4 and 3.0: a 2026 hyperv-next change removes them, in a release the reference does not name"
            )
        }
        return true
    }

    /// The host's newest version, or nil with the reason it cannot be known.
    private mutating func explainHost(_ build: UInt32?) -> VMBusVersion? {
        guard let build else {
            reasoning.append(
                "cannot infer: the host build is unknown")
            return nil
        }
        guard let host else {
            let name = WindowsRelease.name(forBuild: build).map { " (\($0))" } ?? ""
            reasoning.append(
                "cannot infer: the reference pairs no VMBus version with host build \(build)\(name), and a build must not be over-trusted (§8: Windows 11 21H2, build 22000, has been seen negotiating 5.2)"
            )
            return nil
        }
        reasoning.append(
            "host build \(build) is \(host.release), whose VMBus is \(host.version) (reference §5.1, §8 consistency checks)"
        )
        return host.version
    }

    /// The guest kernel's own list after the cap, or nil with the reason it is unknown.
    private mutating func explainGuest(_ kernel: KernelRelease?, release: String?, cap: VMBusVersion?)
        -> [VMBusVersion]?
    {
        guard let kernel else {
            let shown = release.map { " (\"\($0)\")" } ?? ""
            reasoning.append(
                "cannot infer: the kernel release\(shown) is unknown, so the versions the guest tries are too")
            return nil
        }
        guard let full = VMBusProtocolFacts.guestOrder(kernel: kernel, cap: cap), let first = full.first else {
            reasoning.append(
                "cannot infer: kernel \(kernel) predates 5.5, and the reference does not list the versions it tries")
            return nil
        }
        reasoning.append("kernel \(kernel) tries \(first) first (vmbus_versions[] in drivers/hv/connection.c, §5.2)")
        guard let cap else {
            reasoning.append(
                "max_version is unknown: assumed not lowered from its default (5.3 in 6.1, 6.0 in kernels with VMBus 6.0)"
            )
            return full
        }
        guard let order, let newest = order.first else {
            reasoning.append(
                "max_version \(cap) is below every version kernel \(kernel) tries: VMBus would not connect")
            return nil
        }
        if newest != first { reasoning.append("max_version caps at \(cap), so \(newest) is the newest it tries") }
        return order
    }
}
