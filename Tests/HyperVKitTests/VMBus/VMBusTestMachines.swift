import Foundation
import Synchronization

@testable import HyperVKit

/// A private copy of a committed fixture that a test may change (delete a device, as the host
/// does when it rescinds one), removed afterwards.
final class FixtureCopy {
    let scratch: ScratchDirectory
    var root: String { scratch.path + "/snapshot" }

    init(_ fixture: String) throws {
        scratch = try ScratchDirectory()
        let source = FixtureCPUIDToolTests.fixturesDirectory.appendingPathComponent(fixture).path
        // cp -a keeps the relative symlinks of the sysfs tree as they are
        let status = try runTool("/bin/cp", ["-a", source, root])
        guard status == 0 else { throw CopyError(description: "cp -a \(fixture) exited \(status)") }
    }

    func machine() throws -> SnapshotMachine {
        try SnapshotMachine(path: root)
    }

    /// `<device>/<relid>` → cpu of every channel, read from the channel files.
    func mapping() throws -> [String: Int] {
        let state = VMBusReader.read(try machine())
        var result: [String: Int] = [:]
        for device in state.devices {
            for channel in device.channels { result["\(device.deviceID)/\(channel.relid)"] = channel.targetCPU }
        }
        return result
    }

    /// The directory a sysfs link of the copy points to (`sys/bus/vmbus/devices/<guid>` → the
    /// device under `sys/devices/...`), as a path in the copy.
    func target(ofLink relative: String) throws -> String {
        let link = root + "/" + relative
        let destination = try FileManager.default.destinationOfSymbolicLink(atPath: link)
        return URL(fileURLWithPath: link).deletingLastPathComponent().appendingPathComponent(destination)
            .standardizedFileURL.path
    }

    struct CopyError: Error, CustomStringConvertible {
        var description: String
    }
}

/// A machine that removes files the moment after it listed a given directory: the host
/// rescinding a device or a channel while hvctl scans /sys/bus/vmbus (reference §3.7, drivers/hv
/// channel_mgmt.c vmbus_onoffer_rescind()). Everything else is the wrapped snapshot's.
final class VanishingMachine: Machine {
    let base: SnapshotMachine
    /// The machine path whose first listing triggers the removal.
    let trigger: String
    /// Files and directories of the copy to remove (with their contents), in this order.
    let victims: [String]
    private let fired = Mutex(false)

    init(base: SnapshotMachine, removing victims: [String], afterListing trigger: String) {
        self.base = base
        self.trigger = trigger
        self.victims = victims
    }

    /// Whether the removal has happened (the reader did list `trigger`).
    var didFire: Bool { fired.withLock { $0 } }

    var origin: String { base.origin }
    var architecture: Architecture { base.architecture }
    var kernelRelease: String? { base.kernelRelease }

    func directory(at path: String) -> Result<[String], ReadFailure> {
        let listing = base.directory(at: path)
        guard path == trigger else { return listing }
        let first = fired.withLock { done in
            defer { done = true }
            return !done
        }
        if first {
            for victim in victims { try? FileManager.default.removeItem(atPath: victim) }
        }
        return listing
    }

    func file(at path: String) -> Result<[UInt8], ReadFailure> { base.file(at: path) }
    func attributeBytes(at path: String) -> Result<[UInt8], ReadFailure> { base.attributeBytes(at: path) }
    func link(at path: String) -> Result<String, ReadFailure> { base.link(at: path) }
    func cpuid(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure> {
        base.cpuid(leaf: leaf, subleaf: subleaf, cpu: cpu)
    }
    func msr(_ index: UInt32, cpu: Int) -> Result<UInt64, ReadFailure> { base.msr(index, cpu: cpu) }
    func kernelLog() -> Result<[String], ReadFailure> { base.kernelLog() }
}

/// A machine whose reads of chosen attributes fail with an errno or return other bytes, as a
/// live sysfs can (EIO from an attribute without a show routine, EACCES under an LSM, reference
/// §3.3); everything else is the wrapped snapshot's.
final class FaultyMachine: Machine {
    enum Fault: Sendable {
        case fail(ReadFailure)
        case content(String)
    }

    let base: SnapshotMachine
    let faults: [String: Fault]

    init(base: SnapshotMachine, faults: [String: Fault]) {
        self.base = base
        self.faults = faults
    }

    var origin: String { base.origin }
    var architecture: Architecture { base.architecture }
    var kernelRelease: String? { base.kernelRelease }

    func file(at path: String) -> Result<[UInt8], ReadFailure> {
        switch faults[path] {
        case .fail(let failure): return .failure(failure)
        case .content(let text): return .success(Array(text.utf8))
        case nil: return base.file(at: path)
        }
    }

    func attributeBytes(at path: String) -> Result<[UInt8], ReadFailure> {
        faults[path] == nil ? base.attributeBytes(at: path) : file(at: path)
    }

    func directory(at path: String) -> Result<[String], ReadFailure> { base.directory(at: path) }
    func link(at path: String) -> Result<String, ReadFailure> { base.link(at: path) }
    func cpuid(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure> {
        base.cpuid(leaf: leaf, subleaf: subleaf, cpu: cpu)
    }
    func msr(_ index: UInt32, cpu: Int) -> Result<UInt64, ReadFailure> { base.msr(index, cpu: cpu) }
    func kernelLog() -> Result<[String], ReadFailure> { base.kernelLog() }
}
