import Foundation
import Testing

@testable import HyperVKit

/// Issue: "`features --source kernel-log` and `--source cpuid` agree on the same machine". For
/// every fixture holding both a cpuid.txt and Hyper-V boot lines, every register the log prints
/// must equal the register CPUID gives.
@Suite struct SourceAgreementTests {
    static let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var fixtures: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixturesDirectory.path)) ?? []
        return names.filter { name in
            let base = fixturesDirectory.appendingPathComponent(name).path
            return FileManager.default.fileExists(atPath: base + "/cpuid.txt")
                && FileManager.default.fileExists(atPath: base + "/kernel.log")
        }.sorted()
    }

    @Test(arguments: fixtures)
    func kernelLogRegistersEqualCPUID(_ fixture: String) throws {
        let machine = try SnapshotMachine(
            path: SourceAgreementTests.fixturesDirectory.appendingPathComponent(fixture).path)
        let facts = KernelLogParser.parse(try machine.kernelLog().get())
        let logged = facts.leaves()
        let capture = HypervisorLeafReader.read(machine)
        guard capture.leaves[0x4000_0001]?.eax == LeafPresence.hyperVInterface else {
            #expect(
                logged.isEmpty || facts.hypervisorDetected != "Microsoft Hyper-V",
                "\(fixture): log says Hyper-V, CPUID does not")
            return
        }
        guard facts.hypervisorDetected != "KVM" else {
            // QEMU/KVM with Hyper-V enlightenments: Linux picks KVM and prints no Hyper-V lines.
            #expect(logged.isEmpty, "\(fixture): Hyper-V lines on a guest the kernel took for KVM")
            return
        }
        #expect(!logged.isEmpty, "\(fixture): a Hyper-V guest whose log has no feature lines")
        for (leaf, registers) in logged {
            let cpuid = try #require(
                capture.leaves[leaf], "\(fixture): leaf \(hex32(leaf)) logged but not in cpuid.txt")
            for register in Register.allCases {
                guard let value = registers[register] else { continue }
                #expect(
                    cpuid[register] == value,
                    "\(fixture): \(hex32(leaf)) \(register.rawValue): log \(hex32(value)), cpuid \(cpuid[register].map(hex32) ?? "-")"
                )
            }
        }
        let fromLog = try FeaturesReportBuilder.build(machine, source: .kernelLog).get()
        let fromCPUID = try FeaturesReportBuilder.build(machine, source: .cpuid).get()
        #expect(fromLog.summary.host == fromCPUID.summary.host, "\(fixture): host build differs")
        #expect(fromLog.summary.partition == fromCPUID.summary.partition, "\(fixture): partition differs")
        #expect(fromLog.summary.isolation == fromCPUID.summary.isolation, "\(fixture): isolation differs")
    }

    @Test func someFixturesAreCompared() {
        #expect(SourceAgreementTests.fixtures.count >= 5)
    }
}
