import HyperVKit

/// Temporary stand-in until the live machine lands (files only; no CPUID, MSRs or log).
public final class LiveMachine: Machine {
    private let reader: RootFileReader
    public let origin: String

    public init(root: String = "/", msrDevicePrefix: String = "/dev/cpu") throws(ReadFailure) {
        reader = try RootFileReader(root: root)
        origin = root == "/" ? "live system" : "live system, files from \(root)"
    }

    public var architecture: Architecture { .x86_64 }
    public var kernelRelease: String? { nil }
    public func file(at path: String) -> Result<[UInt8], ReadFailure> { reader.file(at: path) }
    public func directory(at path: String) -> Result<[String], ReadFailure> { reader.directory(at: path) }
    public func link(at path: String) -> Result<String, ReadFailure> { reader.link(at: path) }
    public func cpuid(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure> { .failure(.absent) }
    public func msr(_ index: UInt32, cpu: Int) -> Result<UInt64, ReadFailure> { .failure(.absent) }
    public func kernelLog() -> Result<[String], ReadFailure> { .failure(.absent) }
}
