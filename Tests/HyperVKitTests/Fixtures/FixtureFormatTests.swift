import Foundation
import Testing

@testable import HyperVKit

/// Every committed fixture is a valid snapshot (docs/snapshot-format.md): its manifest decodes, x86
/// fixtures carry a `cpuid.txt` that parses and arm64 ones none, and `cpuid.txt` has one
/// `CPU N:` block per online CPU (the capture rule of the format).
@Suite struct FixtureFormatTests {
    static let fixturesDirectory = FixtureCPUIDToolTests.fixturesDirectory

    static var fixtureNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixturesDirectory.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: file($0, "hvctl-snapshot.json").path)
        }.sorted()
    }

    static func file(_ fixture: String, _ path: String) -> URL {
        fixturesDirectory.appendingPathComponent(fixture).appendingPathComponent(path)
    }

    /// The eleven of the first issues, custom-kernel (issue 8), the three health fixtures (issue 6)
    /// and the five partial captures of issue 13.
    @Test func allTwentyFixturesArePresent() {
        #expect(Self.fixtureNames.count == 20)
    }

    /// x86 partial snapshots without CPUID: pasted logs and a sysfs-only tree.
    static let pastedLogs: Set<String> = [
        "pasted-log", "pasted-log-ws2008r2", "snp-isolation-log", "tdx-isolation-log", "azure-vmbus-only",
    ]

    @Test(arguments: fixtureNames)
    func manifestAndCPUIDAreValid(_ fixture: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.file(fixture, "hvctl-snapshot.json")))
        let manifest = try SnapshotManifest.decode(bytes).get()
        let cpuidURL = Self.file(fixture, "cpuid.txt")
        let hasCPUID = FileManager.default.fileExists(atPath: cpuidURL.path)
        #expect(hasCPUID == (manifest.arch == .x86_64 && !Self.pastedLogs.contains(fixture)))
        guard hasCPUID else { return }
        let dump = try CPUIDDump.parse(String(decoding: Data(contentsOf: cpuidURL), as: UTF8.self)).get()
        let onlineURL = Self.file(fixture, "sys/devices/system/cpu/online")
        // A capture of registers alone (cpuid-msr-only) has no list to compare with.
        guard FileManager.default.fileExists(atPath: onlineURL.path) else { return }
        let online = String(decoding: try Data(contentsOf: onlineURL), as: UTF8.self)
        #expect(Set(dump.cpus.keys) == Self.expand(online), "one CPU block per online CPU")
    }

    /// `0-3,6\n` → {0, 1, 2, 3, 6} (the kernel's `%*pbl` list; drivers/base/cpu.c).
    static func expand(_ list: String) -> Set<Int> {
        var cpus = Set<Int>()
        for range in list.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",") {
            let bounds = range.split(separator: "-").compactMap { Int($0) }
            if let low = bounds.first, let high = bounds.last, low <= high {
                cpus.formUnion(low...high)
            }
        }
        return cpus
    }
}
