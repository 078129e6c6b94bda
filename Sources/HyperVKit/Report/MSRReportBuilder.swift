/// What `hvctl msr` was asked to read.
public struct MSRRequest: Sendable, Equatable {
    /// The MSRs, in the order given; empty = the catalogue's defaults.
    public var indexes: [UInt32]
    /// The CPUs, ascending.
    public var cpus: [Int]
    /// Read MSRs the partition is not granted too (`--force`). Never unsafe ones.
    public var force: Bool

    public init(indexes: [UInt32] = [], cpus: [Int] = [0], force: Bool = false) {
        self.indexes = indexes
        self.cpus = cpus
        self.force = force
    }
}

/// Builds `MSRReport`: the gate and safety checks, the reads, the decoding and the comparison with a
/// healthy Linux guest (reference §2).
public enum MSRReportBuilder {
    public static func build(_ machine: any Machine, request: MSRRequest) -> Result<MSRReport, ReportFailure> {
        guard machine.architecture == .x86_64 else {
            return .failure(
                ReportFailure(
                    .notApplicable,
                    "synthetic registers cannot be read from user space on arm64: the kernel reaches them only by "
                        + "hypercall (reference §1.13, §2.5)",
                    hint: "hvctl features --source kernel-log shows what the kernel logged"))
        }
        let (privileges, failure) = PartitionPrivileges.read(machine)
        var diagnostics: [Diagnostic] = []
        if privileges.isHyperV == false && !request.force {
            return .failure(
                ReportFailure(
                    .notApplicable, "\(machine.origin) is not a Hyper-V guest: it has no Hyper-V synthetic MSRs",
                    hint: "--force reads them anyway"))
        }
        if privileges.privilegeLow == nil {
            let why = failure?.message ?? "0x40000003 is unknown"
            diagnostics.append(
                Diagnostic(
                    source: .cpuid,
                    message: "partition privileges unknown (\(why)): MSRs are read without the gate check"))
        }
        let msrs = request.indexes.isEmpty ? MSRCatalog.defaults.map(\.index) : request.indexes
        let healthy = HealthyLinuxGuest(privileges: privileges, kernelRelease: machine.kernelRelease)
        let reader = Reader(machine: machine, privileges: privileges, force: request.force, healthy: healthy)
        let cpus = request.cpus.map { reader.read(cpu: $0, msrs: msrs) }
        var report = MSRReport(cpus: cpus, privileges: privileges, forced: request.force)
        if report.readStatus == .nothingCaptured {
            return .failure(
                ReportFailure(
                    .invalidInput, "\(machine.origin) holds no capture of these MSRs on these CPUs (msr/cpu<N>.txt)"))
        }
        report.differences = MSRComparison.differences(cpus)
        report.diagnostics = diagnostics + MSRDiagnostics.make(report)
        return .success(report)
    }

    /// Reads one CPU's MSRs through the gate and safety checks.
    struct Reader {
        var machine: any Machine
        var privileges: PartitionPrivileges
        var force: Bool
        var healthy: HealthyLinuxGuest

        func read(cpu: Int, msrs: [UInt32]) -> CPUMSRReadings {
            var readings = msrs.map { read($0, cpu: cpu) }
            interpretCrash(&readings)
            let vpIndex = readings.first { $0.index == CPUInventory.vpIndexMSR }?.value ?? readVPIndex(cpu)
            return CPUMSRReadings(cpu: cpu, vpIndex: vpIndex, readings: readings)
        }

        func read(_ index: UInt32, cpu: Int) -> MSRReading {
            let msr = MSRCatalog.msr(at: index)
            if let refusal = MSRSafety.refusal(index) {
                return MSRReading(index: index, msr: msr, outcome: .unsafe(refusal))
            }
            if !force, let gate = msr?.gate, gate.isGranted(by: privileges) == false {
                return MSRReading(index: index, msr: msr, outcome: .notGranted)
            }
            var reading: MSRReading
            switch machine.msr(index, cpu: cpu) {
            case .success(let value): reading = MSRReading(index: index, msr: msr, outcome: .value(value))
            case .failure(let failure): return MSRReading(index: index, msr: msr, outcome: .failed(failure))
            }
            if let msr, let value = reading.value {
                let decoded = MSRDecoder.decode(msr, value: value)
                reading.decoded = decoded
                if msr.gate?.isGranted(by: privileges) != false {
                    reading.expectation = healthy.expectation(for: msr, value: value, decoded: decoded)
                }
            }
            return reading
        }

        /// VP_INDEX for the CPU heading when it was not asked for; only when granted and safe.
        func readVPIndex(_ cpu: Int) -> UInt64? {
            guard MSRCatalog.msr(at: CPUInventory.vpIndexMSR)?.gate?.isGranted(by: privileges) != false || force,
                case .success(let value) = machine.msr(CPUInventory.vpIndexMSR, cpu: cpu)
            else { return nil }
            return value
        }

        /// Non-zero crash parameters are explained together (`CrashReport`).
        func interpretCrash(_ readings: inout [MSRReading]) {
            let indexes = (0..<5).map { 0x4000_0100 + UInt32($0) }
            let parameters = indexes.map { index in readings.first { $0.index == index }?.value }
            guard let path = CrashReport.path(parameters), path != .none else { return }
            let text = CrashReport.explanation(path, parameters)
            for position in readings.indices where indexes.contains(readings[position].index) {
                readings[position].expectation?.explanation = text
            }
        }
    }
}
