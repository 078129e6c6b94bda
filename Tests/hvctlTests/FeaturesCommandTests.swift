import Testing

@testable import hvctl

/// `hvctl features --require` and the source selection, on fixtures whose bits the reference
/// explains: WS2016 (14393) predates TSC invariant control (0x40000003 EAX[15], reference §2.2,
/// "appears with WS2022"), the Azure WS2022 host grants it.
@Suite struct FeaturesCommandTests {
    private func run(_ fixture: String, _ arguments: [String]) throws -> CommandOutput {
        try CommandHarness.run(["--snapshot", FixturePaths.snapshot(fixture), "features"] + arguments)
    }

    @Test func requireExits0WhenEveryFlagIsSet() throws {
        let output = try run(
            "azure-d8ds-v5", ["--require", "AccessTscInvariantControls,HV_STIMER_DIRECT_MODE_AVAILABLE"])
        #expect(output.status == .success)
        #expect(output.stdout.contains("yes  AccessTscInvariantControls"))
        #expect(output.stdout.contains("yes  DirectSyntheticTimers"))
    }

    @Test func requireExits1NamingWhatIsMissing() throws {
        let output = try run("ws2016-gen1", ["--require", "accesstscinvariantcontrols"])
        #expect(output.status == .answerNo)
        #expect(
            output.warnings == ["hvctl: missing required features: AccessTscInvariantControls (0x40000003 EAX[15])"])
    }

    @Test func requireOfAnUnknownNameIsAUsageError() throws {
        #expect {
            try run("azure-d8ds-v5", ["--require", "NoSuchBit"])
        } throws: { error in
            (error as? CommandFailure)?.status == .usage
        }
    }

    /// The old `features, hints, misc` line has no privilege-high word, so EBX bits are unknown.
    @Test func requireOfABitTheLogDoesNotPrintIsUnknownAndFails() throws {
        let output = try run("pasted-log", ["--require", "PostMessages"])
        #expect(output.status == .answerNo)
        #expect(output.stdout.contains("unknown  PostMessages"))
    }

    @Test func cpuidOnArm64IsNotApplicable() throws {
        #expect {
            try run("azure-arm64", ["--source", "cpuid"])
        } throws: { error in
            (error as? CommandFailure)?.status == .notApplicable
        }
    }

    @Test func autoFallsBackToTheKernelLogWithoutCPUID() throws {
        let output = try run("pasted-log", ["--json"])
        #expect(output.stdout.contains("\"source\": \"kernel_log\""))
        #expect(output.status == .success)
    }

    /// A valid name on a machine without Hyper-V is "not applicable" (69), not "unknown name" (64).
    @Test func requireOnAMachineWithoutHyperVExits69() throws {
        #expect {
            try run("kvm-guest", ["--require", "AccessVpIndex"])
        } throws: { error in
            (error as? CommandFailure)?.status == .notApplicable
        }
    }

    @Test func aMachineWithoutHyperVExits69() throws {
        for fixture in ["kvm-guest", "bare-metal"] {
            let output = try run(fixture, [])
            #expect(output.status == .notApplicable)
        }
    }
}
