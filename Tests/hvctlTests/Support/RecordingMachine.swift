import HyperVKit
import Synchronization

/// A machine that records every path it is asked about (files, attributes, directories, links),
/// for the test that every command reads only declared sources (issue 16).
final class RecordingMachine: Machine {
    let base: any Machine
    private let asked = Mutex<Set<String>>([])

    init(_ base: any Machine) { self.base = base }

    /// Every path asked for, in any way.
    var paths: Set<String> { asked.withLock { $0 } }

    private func note(_ path: String) { _ = asked.withLock { $0.insert(path) } }

    var origin: String { base.origin }
    var kind: String { base.kind }
    var architecture: Architecture { base.architecture }
    var kernelRelease: String? { base.kernelRelease }
    var isCapture: Bool { base.isCapture }
    var capturedRegisterCPUs: [Int]? { base.capturedRegisterCPUs }
    var capture: CaptureDescription? { base.capture }

    func file(at path: String) -> Result<[UInt8], ReadFailure> {
        note(path)
        return base.file(at: path)
    }

    func attributeBytes(at path: String) -> Result<[UInt8], ReadFailure> {
        note(path)
        return base.attributeBytes(at: path)
    }

    func directory(at path: String) -> Result<[String], ReadFailure> {
        note(path)
        return base.directory(at: path)
    }

    func link(at path: String) -> Result<String, ReadFailure> {
        note(path)
        return base.link(at: path)
    }

    func cpuid(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure> {
        base.cpuid(leaf: leaf, subleaf: subleaf, cpu: cpu)
    }

    func msr(_ index: UInt32, cpu: Int) -> Result<UInt64, ReadFailure> { base.msr(index, cpu: cpu) }
    func kernelLog() -> Result<[String], ReadFailure> { base.kernelLog() }
}
