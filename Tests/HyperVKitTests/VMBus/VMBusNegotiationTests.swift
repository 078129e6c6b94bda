import Testing

@testable import HyperVKit

/// The re-played negotiation (reference §5.2): the guest's list newest first, capped by
/// max_version, settling on the newest version at or below the host's (§5.1, §8 pairings).
@Suite struct VMBusNegotiationTests {
    static let cap53: VMBusVersion? = VMBusVersion(major: 5, minor: 3)

    func expected(
        _ build: UInt32?, cap: VMBusVersion? = cap53, kernel: String? = "6.1.0-37-amd64", isolated: Bool? = false
    )
        -> VMBusNegotiation
    {
        VMBusNegotiation(.init(hostBuild: build, maxVersion: cap, kernelRelease: kernel, isolated: isolated))
    }

    /// §5.1 constant comments and §8's consistency checks.
    @Test(arguments: [
        (UInt32(9200), "2.4"), (9600, "3.0"), (14393, "4.0"), (17134, "5.1"), (17763, "5.2"), (20348, "5.3"),
    ])
    func pairedBuildsGiveTheirVersion(_ build: UInt32, _ version: String) {
        #expect(expected(build).expected == VMBusVersion(version))
    }

    /// Builds the reference pairs with no version are never guessed: RS2 between RS1 and RS3,
    /// RS3 (whose host may offer 5.0, openvmm `Win10Rs3_1`), 22000 (seen negotiating 5.2), 26100.
    @Test(arguments: [UInt32(10240), 15063, 16299, 19041, 22000, 22621, 25398, 26100, 12345])
    func otherBuildsGiveNothing(_ build: UInt32) {
        let negotiation = expected(build)
        #expect(negotiation.expected == nil)
        #expect(negotiation.reasoning.last?.hasPrefix("cannot infer") == true)
    }

    @Test func anUnknownHostGivesNothing() {
        #expect(expected(nil).expected == nil)
    }

    /// 6.1's `vmbus_versions[]` (drivers/hv/connection.c), newest first.
    @Test func theOrderIs6_1s() {
        let order = expected(20348).order?.map(\.description)
        #expect(order == ["5.3", "5.2", "5.1", "5.0", "4.1", "4.0", "3.0", "2.4"])
    }

    /// Versions above max_version are skipped; a cap between two versions keeps those below it.
    @Test func theCapFiltersTheOrder() {
        let capped = expected(20348, cap: VMBusVersion(major: 4, minor: 2))
        #expect(capped.order?.first == VMBusVersion(major: 4, minor: 1))
        #expect(capped.expected == VMBusVersion(major: 4, minor: 1))
        #expect(capped.reasoning.contains("max_version caps at 4.2, so 4.1 is the newest it tries"))
    }

    @Test func aCapBelowEveryVersionConnectsNothing() {
        let negotiation = expected(20348, cap: VMBusVersion(major: 1, minor: 1))
        #expect(negotiation.expected == nil)
        #expect(negotiation.order == [])
        #expect(negotiation.reasoning.last?.contains("VMBus would not connect") == true)
    }

    /// 5.3 arrived in 5.13 (§5.1): a 5.10 kernel on WS2022 settles on 5.2.
    @Test func aKernelBefore5_13TriesAtMost5_2() {
        #expect(expected(20348, kernel: "5.10.0-30-amd64").expected == VMBusVersion(major: 5, minor: 2))
    }

    /// The reference does not list what kernels before 5.5 try.
    @Test func aKernelBefore5_5CannotBeReplayed() {
        let negotiation = expected(9600, kernel: "4.19.0-27-amd64")
        #expect(negotiation.expected == nil)
        #expect(negotiation.order == nil)
        #expect(negotiation.reasoning.last?.contains("predates 5.5") == true)
    }

    @Test func anUnknownKernelCannotBeReplayed() {
        #expect(expected(20348, kernel: "unknown").expected == nil)
        #expect(expected(20348, kernel: nil).expected == nil)
    }

    /// A newer kernel whose cap is 6.0 (its default, §3.1) tries 6.0 first; WS2022 still gives 5.3.
    @Test func aKernelWith6_0TriesItFirst() {
        let negotiation = expected(20348, cap: VMBusVersion(major: 6, minor: 0), kernel: "6.18.1")
        #expect(negotiation.order?.first == VMBusVersion(major: 6, minor: 0))
        #expect(negotiation.expected == VMBusVersion(major: 5, minor: 3))
    }

    /// An unknown cap is assumed to be the default, and the reasoning says so.
    @Test func anUnknownCapIsAnExplicitAssumption() {
        let negotiation = expected(17763, cap: nil)
        #expect(negotiation.expected == VMBusVersion(major: 5, minor: 2))
        #expect(negotiation.reasoning.contains { $0.hasPrefix("max_version is unknown: assumed") })
    }

    /// 2.4/3.0 on a kernel newer than 6.1 rests on an assumption (the 2026 removal), said aloud.
    @Test func oldVersionsOnNewerKernelsAreAnAssumption() {
        let negotiation = expected(9600, kernel: "6.6.87.2-microsoft-standard-WSL2")
        #expect(negotiation.expected == VMBusVersion(major: 3, minor: 0))
        #expect(negotiation.reasoning.last?.contains("2026") == true)
    }

    @Test func isolationNeeds5_2() {
        #expect(expected(14393, isolated: true).expected == nil)
        #expect(expected(17763, isolated: true).expected == VMBusVersion(major: 5, minor: 2))
    }
}
