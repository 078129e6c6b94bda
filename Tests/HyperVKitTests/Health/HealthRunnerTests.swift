import Testing

@testable import HyperVKit

@Suite struct HealthRunnerTests {
    /// "Each attribute read once even when several checks use it": every file, attribute, MSR and
    /// the kernel log are read at most once in a run of every check.
    @Test(arguments: ["azure-d8ds-v5", "azure-degraded", "ws2016-gen1", "vmbus-broken", "wsl2-26100"])
    func everySourceIsReadOnce(_ fixture: String) throws {
        let machine = CountingMachine(try HealthFixtures.machine(fixture))
        var configuration = HealthConfiguration()
        configuration.expectedDevices = ["nic"].compactMap(HealthConfiguration.ExpectedDeviceClass.resolve)
        configuration.expectedIsolation = HypervisorSummary.IsolationType.none
        let (report, _) = HealthRunner.run(machine, configuration: configuration)
        #expect(report.results.count == HealthCatalog.all.count)
        let twice = machine.reads.filter { $0.value > 1 }
        #expect(twice.isEmpty, "read more than once: \(twice.sorted { $0.key < $1.key })")
        #expect(machine.reads["kernel log"] == 1)
    }

    /// Only the sources the selected checks need are read.
    @Test func selectionReadsOnlyWhatItNeeds() throws {
        let machine = CountingMachine(try HealthFixtures.machine("azure-d8ds-v5"))
        _ = HealthRunner.run(machine, selection: HealthSelection(only: ["cpu.phantom"]))
        // the CPU lists, and what tells Hyper-V (DMI, the kernel log): no VMBus, no MSRs, no clock
        #expect(machine.reads["/sys/devices/system/cpu/possible"] == 1)
        #expect(!machine.reads.keys.contains { $0.hasPrefix("/sys/bus/vmbus") || $0.hasPrefix("msr") })
        #expect(!machine.reads.keys.contains { $0.contains("clocksource") })
    }

    @Test func severityMapsTheFinding() {
        func result(_ kind: HealthFinding.Kind, _ severity: HealthSeverity) -> HealthResult {
            let check = HealthCheck(
                id: "t", severity: severity, title: "t", reason: "t", inputs: [],
                evaluate: { _, _ in HealthFinding(kind, "s") })
            return check.run(
                HealthFacts(origin: "o", architecture: .x86_64, kernelRelease: nil), configuration: .init())
        }
        #expect(result(.problem, .fail).status == .fail)
        #expect(result(.problem, .warn).status == .warn)
        #expect(result(.problem, .info).status == .pass && result(.problem, .info).found)
        #expect(result(.caution, .fail).status == .warn)
        #expect(result(.caution, .info).status == .pass)
        #expect(result(.skip, .fail).status == .skip && !result(.skip, .fail).found)
        #expect(result(.pass, .fail).status == .pass && !result(.pass, .fail).found)
    }

    @Test func aggregationAndFailOn() throws {
        let (degraded, _) = HealthRunner.run(try HealthFixtures.machine("azure-snp-cvm"))
        // azure-snp-cvm: only msr.crash_enabled warns (CRASH_CTL 0)
        #expect(degraded.status == .warn && !degraded.failed)
        let (strict, _) = HealthRunner.run(try HealthFixtures.machine("azure-snp-cvm"), failOn: .warn)
        #expect(strict.failed)
        #expect(strict.counts(strict.results.first { $0.id == "msr.crash_enabled" }!) == true)
        let (healthy, _) = HealthRunner.run(try HealthFixtures.machine("azure-d8ds-v5"), failOn: .warn)
        #expect(healthy.status == .pass && !healthy.failed)
    }

    @Test func selectionKeepsCatalogueOrderAndHonoursSkips() {
        var configuration = HealthConfiguration()
        configuration.skip = ["rings.full"]
        let selection = HealthSelection(only: ["rings.full", "clocksource", "hyperv.detected"], skip: ["clocksource"])
        #expect(selection.checks(configuration: configuration).map(\.id) == ["hyperv.detected"])
        #expect(HealthSelection(only: ["nope"], skip: ["also.nope"]).unknownIDs == ["nope", "also.nope"])
    }
}
