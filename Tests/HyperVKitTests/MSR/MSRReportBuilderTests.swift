import Testing

@testable import HyperVKit

/// Gating, safety, the overall read status and the cross-CPU comparison (reference §2.1, §2.4, §9).
@Suite struct MSRReportBuilderTests {
    private func build(_ machine: MSRTestMachine, _ request: MSRRequest) throws -> MSRReport {
        try MSRReportBuilder.build(machine, request: request).get()
    }

    /// GUEST_IDLE is never asked of the machine: not by default, not by name, not with --force.
    @Test(arguments: [false, true])
    func guestIdleIsNeverRead(force: Bool) throws {
        let machine = MSRTestMachine.answering()
        let everything = MSRCatalog.all.map(\.index)
        let report = try build(machine, MSRRequest(indexes: everything, cpus: [0, 1], force: force))
        _ = try build(machine, MSRRequest(cpus: [0, 1], force: force))
        #expect(!machine.reads.contains { $0.index == 0x4000_00F0 })
        for index in MSRSafety.denied.keys {
            #expect(!machine.reads.contains { $0.index == index }, "\(hex32(index)) was read")
        }
        let idle = try #require(report.cpus[0].reading(0x4000_00F0))
        #expect(idle.errorCode == "unsafe")
        #expect(idle.raw == nil)
    }

    /// EAX 0x2e7f (no bit 15): TSC_INVARIANT_CONTROL is `not_granted` and not read; --force reads it.
    @Test func ungrantedMSRsAreReadOnlyWithForce() throws {
        let machine = MSRTestMachine.answering(eax: 0x2E7F)
        let report = try build(machine, MSRRequest(indexes: [0x4000_0118], cpus: [0]))
        #expect(report.cpus[0].reading(0x4000_0118)?.errorCode == "not_granted")
        #expect(!machine.reads.contains { $0.index == 0x4000_0118 })
        #expect(report.diagnostics.contains { $0.message.contains("TSC_INVARIANT_CONTROL (EAX[15])") })

        let forced = try build(machine, MSRRequest(indexes: [0x4000_0118], cpus: [0], force: true))
        #expect(forced.cpus[0].reading(0x4000_0118)?.value == 0)
        #expect(forced.cpus[0].reading(0x4000_0118)?.expectation == nil)
        #expect(machine.reads.contains { $0.index == 0x4000_0118 })
    }

    /// Exit-status classes: every read EACCES/EPERM → permission, ENOENT/ENXIO → driver missing,
    /// EIO only → all failed; nothing in a snapshot → nothing captured.
    @Test func readStatusClassifiesTotalFailures() throws {
        #expect(try build(.failing(.EACCES), MSRRequest(cpus: [0, 1])).readStatus == .permissionDenied)
        #expect(try build(.failing(.EPERM), MSRRequest(cpus: [0])).readStatus == .permissionDenied)
        #expect(try build(.failing(.ENOENT), MSRRequest(cpus: [0])).readStatus == .driverMissing)
        #expect(try build(.failing(.ENXIO), MSRRequest(cpus: [0])).readStatus == .driverMissing)
        #expect(try build(.failing(.EIO), MSRRequest(cpus: [0])).readStatus == .allFailed)
        let empty = MSRTestMachine(values: [0: [:]])
        #expect(throws: ReportFailure.self) { try MSRReportBuilder.build(empty, request: MSRRequest()).get() }
    }

    @Test func eachFailureKindIsOneWarningWithItsHint() throws {
        let report = try build(.failing(.ENOENT), MSRRequest(cpus: [0, 1]))
        let warnings = report.diagnostics.filter { $0.message.contains("ENOENT") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.hint == MSRDiagnostics.driverHint)
        #expect(warnings.first?.message.contains("CPU 0-1") == true)
        let denied = try build(.failing(.EACCES), MSRRequest(cpus: [0]))
        #expect(denied.diagnostics.contains { $0.hint == MSRDiagnostics.accessHint })
        let eio = try build(.failing(.EIO), MSRRequest(cpus: [0]))
        #expect(eio.diagnostics.contains { $0.hint == MSRDiagnostics.ioHint })
    }

    /// A partial read is a success with warnings.
    @Test func partialReadIsSomeRead() throws {
        var values = MSRTestMachine.answering(cpus: [0]).values
        values[0]?[0x4000_0021] = .failure(.unreadable(.EIO))
        let report = try build(MSRTestMachine(values: values), MSRRequest(cpus: [0]))
        #expect(report.readStatus == .someRead)
        #expect(report.cpus[0].reading(0x4000_0021)?.errorCode == "EIO")
    }

    /// VP_INDEX differs per VP (expected); a partition-wide MSR that differs is called out.
    @Test func differencesBetweenCPUs() throws {
        var values = MSRTestMachine.answering(cpus: [0, 1]).values
        values[1]?[0x4000_0001] = .success(0x1001)
        let report = try build(MSRTestMachine(values: values), MSRRequest(cpus: [0, 1]))
        let vp = try #require(report.differences.first { $0.msr.name == "VP_INDEX" })
        #expect(vp.expected)
        let hypercall = try #require(report.differences.first { $0.msr.name == "HYPERCALL" })
        #expect(!hypercall.expected)
        #expect(report.diagnostics.contains { $0.message.hasPrefix("HYPERCALL differs between CPUs") })
        #expect(report.cpus[1].vpIndex == 1)
    }

    /// Two CPUs with one VP index: the CPU-to-VP map is wrong.
    @Test func duplicateVPIndexIsNotExpected() throws {
        let report = try build(.answering(cpus: [0, 1, 2]), MSRRequest(cpus: [0, 1, 2]))
        #expect(report.differences.first { $0.msr.name == "VP_INDEX" }?.expected == true)
        var values = MSRTestMachine.answering(cpus: [0, 1, 2]).values
        values[2]?[0x4000_0002] = .success(1)
        let broken = try build(MSRTestMachine(values: values), MSRRequest(cpus: [0, 1, 2]))
        #expect(broken.differences.first { $0.msr.name == "VP_INDEX" }?.expected == false)
    }

    @Test func arm64IsNotApplicable() {
        let machine = MSRTestMachine(values: [0: [:]], architecture: .aarch64)
        guard case .failure(let failure) = MSRReportBuilder.build(machine, request: MSRRequest()) else {
            Issue.record("arm64 built a report")
            return
        }
        #expect(failure.kind == .notApplicable)
        #expect(failure.message.contains("arm64"))
        #expect(machine.reads.isEmpty)
    }

    /// A non-zero crash record is explained on all five parameters.
    @Test func crashRecordIsExplained() throws {
        var values = MSRTestMachine.answering(cpus: [0]).values
        values[0]?[0x4000_0103] = .success(0x7F3E_5000)
        values[0]?[0x4000_0104] = .success(2048)
        let report = try build(MSRTestMachine(values: values), MSRRequest(cpus: [0]))
        let p0 = try #require(report.cpus[0].reading(0x4000_0100)?.expectation)
        #expect(p0.explanation.contains("hv_kmsg_dump()"))
        #expect(p0.explanation.contains("2048 bytes"))
        #expect(report.cpus[0].reading(0x4000_0103)?.expectation?.matches == false)
    }
}

extension MSRReading {
    fileprivate var raw: UInt64? { value }
}
