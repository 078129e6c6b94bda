import Testing

@testable import HyperVKit

/// `hvctl vmbus version`'s builder on hand-made machines. Expected versions come from reference
/// §5.1/§5.2/§8 (WS2016 4.0, WS2019 5.2, WS2022 5.3; 6.1 tries 5.3 first; max_version is a cap).
@Suite struct VMBusVersionReportBuilderTests {
    static let version40 = VMBusVersion(major: 4, minor: 0)
    static let version52 = VMBusVersion(major: 5, minor: 2)
    static let version53 = VMBusVersion(major: 5, minor: 3)

    @Test func takesTheLoggedVersion() {
        let machine = FakeMachine.hyperV(build: 20348, log: .success(FakeMachine.vmbusLine("5.3")))
        let report = VMBusVersionReportBuilder.build(machine)
        #expect(report.applicable)
        #expect(report.version == Self.version53)
        #expect(report.source == .kernelLog)
        #expect(report.maxVersion == Self.version53)
        #expect(report.consistentWithHost == true)
        #expect(report.hostVMBusVersion == Self.version53)
        #expect(report.reasoning.first?.contains("hv_vmbus: Vmbus version:5.3") == true)
        #expect(report.diagnostics.isEmpty)
    }

    /// The old combined line (`connection.c`, 2012-2017) carries the version too (§7.3).
    @Test func takesTheVersionFromTheLegacyCombinedLine() {
        let line = "hv_vmbus: Hyper-V Host Build:9600-6.3-0-0.19537; Vmbus version:3.0"
        let report = VMBusVersionReportBuilder.build(
            FakeMachine.hyperV(build: 9600, kernel: "4.19.0-27-amd64", log: .success([line])))
        #expect(report.version == VMBusVersion(major: 3, minor: 0))
        #expect(report.source == .kernelLog)
        #expect(report.consistentWithHost == true)
    }

    /// dmesg_restrict: the log fails with EACCES, the hint says why, and WS2019 (17763) gives 5.2.
    @Test func infersFromTheBuildWhenTheLogIsRestricted() {
        var machine = FakeMachine.hyperV(build: 17763, log: .failure(.unreadable(.EACCES)))
        machine.files["/proc/sys/kernel/dmesg_restrict"] = .success("1\n")
        let report = VMBusVersionReportBuilder.build(machine)
        #expect(report.version == Self.version52)
        #expect(report.source == .inferred)
        #expect(report.consistentWithHost == nil)
        let logProblem = report.diagnostics.first { $0.source == .kernelLog }
        #expect(logProblem?.hint?.contains("dmesg_restrict") == true)
        #expect(report.reasoning.contains { $0.contains("host build 17763 is Windows Server 2019") })
        #expect(report.reasoning.contains { $0.contains("kernel 6.1 tries 5.3 first") })
    }

    @Test func infersWhenTheLogLacksTheLine() {
        let report = VMBusVersionReportBuilder.build(FakeMachine.hyperV(build: 14393, log: .success([])))
        #expect(report.version == Self.version40)
        #expect(report.source == .inferred)
        #expect(report.reasoning.first?.contains("has no \"hv_vmbus: Vmbus version\" line") == true)
    }

    /// WS2022 offers 5.3, but `hv_vmbus.max_version=0x50002` (327682) caps the guest at 5.2.
    @Test func aLowerCapWins() {
        let report = VMBusVersionReportBuilder.build(FakeMachine.hyperV(build: 20348, maxVersion: 327_682))
        #expect(report.version == Self.version52)
        #expect(report.source == .inferred)
        #expect(report.maxVersion == Self.version52)
        #expect(report.negotiationOrder?.first == Self.version52)
        #expect(report.reasoning.contains { $0.contains("max_version caps at 5.2") })
    }

    /// §8: a build the reference pairs with no version (Windows 11 21H2, 22000, has been seen
    /// negotiating 5.2 although newer than 20348) gives no version, never a guess.
    @Test func anUnpairedBuildGivesNoVersion() {
        let report = VMBusVersionReportBuilder.build(FakeMachine.hyperV(build: 22000))
        #expect(report.applicable)
        #expect(report.version == nil)
        #expect(report.source == nil)
        #expect(report.reasoning.contains { $0.contains("cannot infer") })
        #expect(report.diagnostics.contains { $0.message.contains("the VMBus version is unknown") })
        #expect(report.capabilities.allSatisfy { $0.available == nil })
    }

    @Test func aLoggedVersionAboveTheHostsIsAWarning() {
        let machine = FakeMachine.hyperV(build: 14393, log: .success(FakeMachine.vmbusLine("5.3")))
        let report = VMBusVersionReportBuilder.build(machine)
        #expect(report.version == Self.version53)
        #expect(report.consistentWithHost == false)
        #expect(report.diagnostics.contains { $0.message.contains("offers at most 4.0") })
    }

    @Test func aLoggedVersionBelowTheExpectedOneIsAWarning() {
        let machine = FakeMachine.hyperV(build: 20348, log: .success(FakeMachine.vmbusLine("5.2")))
        let report = VMBusVersionReportBuilder.build(machine)
        #expect(report.consistentWithHost == false)
        #expect(report.diagnostics.contains { $0.message.contains("should negotiate 5.3") })
    }

    /// The same 5.2 explained by the cap is consistent.
    @Test func aLoggedVersionExplainedByTheCapIsConsistent() {
        let machine = FakeMachine.hyperV(
            build: 20348, maxVersion: 327_682, log: .success(FakeMachine.vmbusLine("5.2")))
        let report = VMBusVersionReportBuilder.build(machine)
        #expect(report.consistentWithHost == true)
        #expect(report.diagnostics.isEmpty)
    }

    /// §5.2: an isolated VM refuses anything below 5.2, so an RS4 host (5.1) gives no VMBus.
    @Test func anIsolatedVMRefusesOlderThan5_2() {
        let refused = VMBusVersionReportBuilder.build(FakeMachine.hyperV(build: 17134, isolated: true))
        #expect(refused.isolated == true)
        #expect(refused.version == nil)
        #expect(refused.reasoning.contains { $0.contains("isolated VM needs at least 5.2") })
        let accepted = VMBusVersionReportBuilder.build(FakeMachine.hyperV(build: 20348, isolated: true))
        #expect(accepted.version == Self.version53)
    }

    @Test func aFailedConnectGivesNoVersion() {
        let line = "[    1.2] hv_vmbus: Unable to connect to host"
        let report = VMBusVersionReportBuilder.build(FakeMachine.hyperV(build: 20348, log: .success([line])))
        #expect(report.version == nil)
        #expect(report.source == nil)
        #expect(report.diagnostics.contains { $0.message.contains("Unable to connect to host") })
    }

    @Test func noVMBusIsNotApplicable() {
        var machine = FakeMachine.hyperV(build: 20348)
        machine.directories = ["/sys", "/sys/bus"]
        let report = VMBusVersionReportBuilder.build(machine)
        #expect(!report.applicable)
        #expect(report.vmbusPresent == false)
        #expect(report.version == nil)
        #expect(report.negotiationOrder == nil)
    }

    /// A pasted log alone (no /sys, no CPUID) still applies: the log has the version.
    @Test func aPastedLogAloneApplies() {
        var machine = FakeMachine()
        machine.kernelRelease = "unknown"
        machine.log = .success(FakeMachine.vmbusLine("3.0"))
        let report = VMBusVersionReportBuilder.build(machine)
        #expect(report.applicable)
        #expect(report.vmbusPresent == nil)
        #expect(report.version == VMBusVersion(major: 3, minor: 0))
    }

    /// `auto_offline_move` needs 5.3 and kernel 6.15 (§5.3, §6.1): no on 6.1, yes on 6.15.
    @Test func autoOfflineMoveFollowsTheKernel() {
        func available(_ kernel: String?) -> Bool? {
            let machine = FakeMachine.hyperV(build: 20348, kernel: kernel, log: .success(FakeMachine.vmbusLine("5.3")))
            let report = VMBusVersionReportBuilder.build(machine)
            return report.capabilities.first { $0.capability.name == "auto_offline_move" }?.available
        }
        #expect(available("6.1.0-37-amd64") == false)
        #expect(available("6.15.2-arch1-1") == true)
        #expect(available(nil) == nil)
    }

    /// Every row of §5.3 is reported, in its order.
    @Test func listsEveryCapability() {
        let report = VMBusVersionReportBuilder.build(FakeMachine.hyperV(build: 20348))
        #expect(
            report.capabilities.map(\.capability.name) == [
                "unload", "vss", "hv_sock", "netvsc_gpadl_teardown", "synthvid_win10", "channel_retarget",
                "offline_waits_for_events", "new_connection_id", "isolated_vm_minimum", "modifychannel_ack",
                "auto_offline_move", "confidential_vmbus",
            ])
    }
}
