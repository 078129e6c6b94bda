import Foundation
import HyperVKit

/// One libFuzzer entry point for every target; `HVCTL_FUZZ_TARGET` picks the target. A crash,
/// a trap or a hang is a finding; every typed failure is an accepted answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch FuzzTarget.current {
    case .archive: FuzzTarget.archive(bytes)
    case .kernelLog: FuzzTarget.kernelLog(bytes)
    case .dumps: FuzzTarget.dumps(bytes)
    case .config: FuzzTarget.config(bytes)
    }
    return 0
}

enum FuzzTarget: String {
    case archive
    case kernelLog = "kernel-log"
    case dumps
    case config

    nonisolated(unsafe) static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["HVCTL_FUZZ_TARGET"] ?? "archive"
        guard let target = FuzzTarget(rawValue: name) else { fatalError("unknown HVCTL_FUZZ_TARGET \(name)") }
        return target
    }()

    nonisolated(unsafe) static let scratch: String = {
        let path = NSTemporaryDirectory() + "hvctl-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// The input is an uncompressed tar (the corpus holds fixtures packed by tar); it is gzipped and
    /// opened as a snapshot, then read by every builder the commands use.
    static func archive(_ bytes: [UInt8]) {
        guard case .success(let packed) = Gzip.compress(bytes) else { return }
        let path = scratch + "/input.tar.gz"
        guard FileManager.default.createFile(atPath: path, contents: Data(packed)) else { return }
        guard let machine = try? SnapshotMachine(path: path) else { return }
        readEverything(machine)
    }

    static func readEverything(_ machine: any Machine) {
        _ = InfoReportBuilder.build(machine)
        let vmbus = VMBusReader.read(machine)
        let (counts, countDiagnostics) = ProcInterrupts.readVMBusInterrupts(machine)
        _ = CPUMapReportBuilder.build(vmbus: vmbus, vmbusInterrupts: counts, diagnostics: countDiagnostics)
        _ = ChannelMoveFlow.evacuation(
            CPUList([1]), to: nil, offline: false, request: .init(apply: false, force: false), machine: machine)
        _ = VMBusVersionReportBuilder.build(machine)
        _ = CPUInventory.read(machine)
        _ = HealthRunner.run(machine)
        _ = MSRReportBuilder.build(machine, request: MSRRequest(cpus: [0, 1]))
        _ = KernelSupportReportBuilder.build(KernelSupportReader.read(machine, vmbus: vmbus))
    }

    static func kernelLog(_ bytes: [UInt8]) {
        guard case .success(let lines) = KernelLogText.lines(bytes) else { return }
        _ = KernelLogParser.parse(lines)
        _ = KernelLogFilter.filter(lines)
        for pattern in KernelLogErrorPatterns.all { for line in lines.prefix(64) { _ = pattern.matches(line) } }
    }

    static func dumps(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = CPUIDDump.parse(text)
        _ = MSRDump.parse(text)
        _ = MoveJournal.decode(bytes)
        _ = SnapshotManifest.decode(bytes)
        _ = KVPPool.decode(bytes)
    }

    /// Both configuration syntaxes, then the schema decoder on what parses.
    static func config(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self), bytes.count <= ConfigLimits.maxBytes else { return }
        let nodes = [
            ("f.json", try? ConfigJSONParser.parse(text, file: "f.json")),
            ("f.toml", try? ConfigTOMLParser.parse(text, file: "f.toml")),
        ]
        for case (let name, let node?) in nodes { _ = try? HealthConfigDecoder(file: name).decode(node) }
    }
}
