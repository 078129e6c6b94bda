/// Reads what `HypervisorIdentity.conclude` weighs, reusing what the caller read already (features,
/// the kernel log, DMI, the clock sources), so no file is read twice. The other sources are
/// directory listings: `/sys/bus/vmbus/devices`, `/sys/module/hv_vmbus`, `/var/lib/hyperv`.
public enum IdentityEvidenceReader {
    public static let moduleDirectory = KernelModuleReader.directory
    public static let kvpDirectory = "/var/lib/hyperv"

    public static func read(
        _ machine: any Machine, features: Result<FeaturesReport, ReportFailure>, log: inout KernelLogReading,
        dmi: DMIInfo, clocksource: ClockSource? = nil
    ) -> IdentityInputs {
        var inputs = IdentityInputs(dmi: dmi)
        inputs.architecture = machine.architecture
        switch features {
        case .success(let report): inputs.features = report
        case .failure(let failure): inputs.featuresFailure = failure
        }
        if inputs.features?.source == .cpuid,
            case .success(let leaf) = machine.cpuid(leaf: HypervisorLeafReader.kvmAlternateBase, subleaf: 0, cpu: 0)
        {
            inputs.alternateSignature = KnownHypervisor.identify(ebx: leaf.ebx, ecx: leaf.ecx, edx: leaf.edx)
        }
        inputs.logFacts = log.facts()
        inputs.vmbusBus = machine.isDirectory(VMBusReader.busDirectory)
        if case .success(let names) = machine.directory(at: VMBusReader.devicesDirectory) {
            inputs.vmbusDevices = names.count
        }
        if case .success(let modules) = machine.directory(at: moduleDirectory) {
            if modules.contains("hv_vmbus"),
                case .success(let entries) = machine.directory(at: moduleDirectory + "/hv_vmbus")
            {
                inputs.hvVMBusModuleLoaded = entries.contains("initstate")
            } else {
                inputs.hvVMBusModuleLoaded = false
            }
        }
        if case .success(let names) = machine.directory(at: kvpDirectory) {
            inputs.kvpPools = names.filter { $0.hasPrefix(".kvp_pool_") }.count
        }
        inputs.clocksource = clocksource
        return inputs
    }

    /// KVP pool 3: present only while hv_kvp_daemon runs, root-only by default (§11.1).
    public static func readHostKVP(_ machine: any Machine) -> (InfoReport.HostKVP?, [Diagnostic]) {
        let path = KVPPool.hostPoolPath
        switch machine.file(at: path).flatMap(KVPPool.decode) {
        case .success(let pool):
            let major = pool.value(for: "HostingSystemOsMajor")
            let minor = pool.value(for: "HostingSystemOsMinor")
            let version = major.map { major in minor.map { "\(major).\($0)" } ?? major }
            let kvp = InfoReport.HostKVP(
                hostName: pool.value(for: "PhysicalHostNameFullyQualified") ?? pool.value(for: "HostName"),
                osVersion: version, editionID: pool.value(for: "HostingSystemEditionId"),
                nestingLevel: pool.value(for: "HostingSystemNestedLevel").flatMap { Int($0) }, source: path)
            return (kvp, [])
        case .failure(.absent):
            return (nil, [])
        case .failure(let failure):
            return (nil, [.read(path, failure, hint: failure.isPermissionDenied ? "run as root" : nil)])
        }
    }
}

extension IdentityEvidenceReader {
    public static let sources: [MachineSource] = [
        MachineSource(
            moduleDirectory + "/hv_vmbus/initstate", optional: true, redaction: .none, reader: "IdentityEvidenceReader",
            why: "hv_vmbus loaded as a module: evidence of Hyper-V when CPUID is not available"),
        MachineSource(
            kvpDirectory + "/.kvp_pool_*", .kvpPool, optional: true, rootOnly: true, redaction: .values,
            reader: "IdentityEvidenceReader", why: "the KVP pools hv_kvp_daemon keeps: they exist only on Hyper-V"),
    ]
}
