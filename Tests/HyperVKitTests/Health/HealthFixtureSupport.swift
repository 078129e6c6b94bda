import Foundation

@testable import HyperVKit

/// Fixture snapshots for the health tests, found from this file's path.
enum HealthFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func machine(_ name: String) throws -> SnapshotMachine {
        try SnapshotMachine(path: directory.appendingPathComponent(name).path)
    }

    /// The result of one check on a fixture, with the sources it needs read the runner's way.
    static func result(_ id: String, on fixture: String, configuration: HealthConfiguration = HealthConfiguration())
        throws -> HealthResult
    {
        let (report, _) = HealthRunner.run(
            try machine(fixture), selection: HealthSelection(only: [id]), configuration: configuration)
        guard let result = report.results.first, report.results.count == 1 else {
            throw HealthTestError("\(id) did not run on \(fixture)")
        }
        return result
    }

    struct HealthTestError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// A machine that counts every file, attribute, directory and link read, by path.
final class CountingMachine: Machine, @unchecked Sendable {
    let inner: any Machine
    private let lock = NSLock()
    private(set) var reads: [String: Int] = [:]

    init(_ inner: any Machine) { self.inner = inner }

    private func count(_ path: String) {
        lock.lock()
        reads[path, default: 0] += 1
        lock.unlock()
    }

    var origin: String { inner.origin }
    var architecture: Architecture { inner.architecture }
    var kernelRelease: String? { inner.kernelRelease }

    func file(at path: String) -> Result<[UInt8], ReadFailure> {
        count(path)
        return inner.file(at: path)
    }

    func attributeBytes(at path: String) -> Result<[UInt8], ReadFailure> {
        count(path)
        return inner.attributeBytes(at: path)
    }

    func directory(at path: String) -> Result<[String], ReadFailure> { inner.directory(at: path) }
    func link(at path: String) -> Result<String, ReadFailure> { inner.link(at: path) }

    func cpuid(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure> {
        inner.cpuid(leaf: leaf, subleaf: subleaf, cpu: cpu)
    }

    func msr(_ index: UInt32, cpu: Int) -> Result<UInt64, ReadFailure> {
        count(String(format: "msr %#x cpu %d", index, cpu))
        return inner.msr(index, cpu: cpu)
    }

    func kernelLog() -> Result<[String], ReadFailure> {
        count("kernel log")
        return inner.kernelLog()
    }
}
