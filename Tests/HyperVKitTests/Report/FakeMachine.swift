@testable import HyperVKit

/// An in-memory `Machine` for builder tests: files, directories, CPUID leaves and a kernel log,
/// each absent unless a test puts it there.
struct FakeMachine: Machine {
    var origin = "fake machine"
    var architecture: Architecture = .x86_64
    var kernelRelease: String? = "6.1.0-37-amd64"
    var files: [String: Result<String, ReadFailure>] = [:]
    var directories: Set<String> = []
    var leaves: [UInt32: CPUIDRegisters] = [:]
    var log: Result<[String], ReadFailure> = .failure(.absent)

    func file(at path: String) -> Result<[UInt8], ReadFailure> {
        guard let entry = files[path] else { return .failure(.absent) }
        return entry.map { Array($0.utf8) }
    }

    func directory(at path: String) -> Result<[String], ReadFailure> {
        guard directories.contains(path) else { return .failure(.absent) }
        let prefix = path + "/"
        let children = directories.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        return .success(children.filter { !$0.contains("/") }.sorted())
    }

    func link(at path: String) -> Result<String, ReadFailure> { .failure(.absent) }

    func cpuid(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure> {
        leaves[leaf].map { .success($0) } ?? .failure(.absent)
    }

    func msr(_ index: UInt32, cpu: Int) -> Result<UInt64, ReadFailure> { .failure(.absent) }

    func kernelLog() -> Result<[String], ReadFailure> { log }
}

extension FakeMachine {
    /// A Hyper-V guest on host `build` with /sys/bus/vmbus, the hv_vmbus cap (`max_version` as
    /// sysfs prints it, decimal; nil leaves the file out) and the given kernel log.
    ///
    /// CPUID as reference §1.1-§1.3 and §1.11 describe it: CPUID.1:ECX[31], "Microsoft Hv" with
    /// max leaf 0x4000000C, "Hv#1", the build in 0x40000002 EAX with 10.0 in EBX, the HYPERCALL
    /// and VP_INDEX privileges (EAX[5], EAX[6]); an isolated VM has EBX[22] (`HV_ISOLATION`) and
    /// isolation type 2 (SEV-SNP) in 0x4000000C EBX[3:0].
    static func hyperV(
        build: UInt32, maxVersion: UInt32? = 327_683, kernel: String? = "6.1.0-37-amd64",
        log: Result<[String], ReadFailure> = .success([]), isolated: Bool = false
    ) -> FakeMachine {
        var machine = FakeMachine()
        machine.kernelRelease = kernel
        machine.log = log
        machine.directories = ["/sys", "/sys/bus", "/sys/bus/vmbus", "/sys/bus/vmbus/devices"]
        if let maxVersion {
            machine.files[VMBusVersionReportBuilder.maxVersionPath] = .success("\(maxVersion)\n")
        }
        var leaves: [UInt32: CPUIDRegisters] = [:]
        for leaf in UInt32(0x4000_0003)...0x4000_000C { leaves[leaf] = CPUIDRegisters(eax: 0, ebx: 0, ecx: 0, edx: 0) }
        leaves[1] = CPUIDRegisters(eax: 0, ebx: 0, ecx: 1 << 31, edx: 0)
        leaves[0x4000_0000] = CPUIDRegisters(eax: 0x4000_000C, ebx: 0x7263_694D, ecx: 0x666F_736F, edx: 0x7648_2074)
        leaves[0x4000_0001] = CPUIDRegisters(eax: 0x3123_7648, ebx: 0, ecx: 0, edx: 0)
        leaves[0x4000_0002] = CPUIDRegisters(eax: build, ebx: 0x000A_0000, ecx: 0, edx: 0)
        leaves[0x4000_0003] = CPUIDRegisters(eax: 0x0000_2E7F, ebx: isolated ? 1 << 22 : 0, ecx: 0, edx: 0)
        if isolated { leaves[0x4000_000C] = CPUIDRegisters(eax: 1, ebx: 2, ecx: 0, edx: 0) }
        machine.leaves = leaves
        return machine
    }

    /// The kernel log line of `vmbus_connect()` (`drivers/hv/connection.c`).
    static func vmbusLine(_ version: String) -> [String] {
        ["[    1.104117] hv_vmbus: Vmbus version:\(version)"]
    }
}
