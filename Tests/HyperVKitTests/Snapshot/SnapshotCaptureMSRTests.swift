import Foundation
import Testing

@testable import HyperVKit

/// `msr/cpu<N>.txt` (docs/snapshot-format.md): values and errno names per CPU; a device that could not
/// be used at all is one `unreadable` entry, which a replay answers for every MSR of that CPU.
@Suite struct SnapshotCaptureMSRTests {
    /// GUEST_OS_ID of a Linux 6.1.192 guest (reference §2.2) and SINT2 as Linux programs it (§2.3).
    static let guestOSID: UInt64 = 0x8100_0006_01C0_0000
    static let sint2: UInt64 = 0x0000_0000_0002_00F3

    /// CPU 0 reads, with REFERENCE_TSC not granted (EIO, reference §9); CPU 1 has no CAP_SYS_RAWIO
    /// (EPERM on open); CPU 2 has no device (msr not loaded); the others are not captured here.
    static func msr(_ index: UInt32, _ cpu: Int) -> Result<UInt64, ReadFailure> {
        switch cpu {
        case 0:
            switch index {
            case 0x4000_0000: return .success(guestOSID)
            case 0x4000_0002: return .success(0)
            case 0x4000_0092: return .success(sint2)
            case 0x4000_0021: return .failure(.unreadable(.EIO))
            case 0x4000_0010: return .failure(.invalid("short read: 4 of 8 bytes"))
            default: return .failure(.absent)
            }
        case 1: return .failure(.unreadable(.EPERM))
        default: return .failure(.unreadable(.ENOENT))
        }
    }

    @Test func capturesValuesErrorsAndUnusableDevices() throws {
        let base = try SnapshotMachine(path: CaptureFixtures.path("kvm-hyperv-imitation"))
        let machine = MSRStub(base: base, values: Self.msr)
        let (out, summary) = try captureForTest(machine)
        let cpu0 = try String(contentsOfFile: out.path + "/msr/cpu0.txt", encoding: .utf8)
        #expect(
            cpu0
                == "0x40000000 0x8100000601c00000\n0x40000002 0x0000000000000000\n0x40000021 EIO\n0x40000092 0x00000000000200f3\n"
        )
        // Every read of CPU 1 failed with EPERM: one errno line per MSR, as docs/snapshot-format.md writes them.
        let cpu1 = try String(contentsOfFile: out.path + "/msr/cpu1.txt", encoding: .utf8)
        #expect(cpu1.split(separator: "\n").allSatisfy { $0.hasSuffix(" EPERM") })
        #expect(summary.manifest.unreadable == nil)
        #expect(summary.manifest.note?.contains("no MSRs on CPUs") == false)

        let replay = try SnapshotMachine(path: out.path)
        #expect(replay.msr(0x4000_0000, cpu: 0) == .success(Self.guestOSID))
        #expect(replay.msr(0x4000_0021, cpu: 0) == .failure(.unreadable(.EIO)))
        #expect(replay.msr(0x4000_0010, cpu: 0) == .failure(.absent))
        #expect(replay.msr(0x4000_0000, cpu: 1) == .failure(.unreadable(.EPERM)))
        #expect(replay.msr(0x4000_0000, cpu: 5) == .failure(.absent))
    }

    @Test func aMissingDeviceIsARemark() throws {
        let base = try SnapshotMachine(path: CaptureFixtures.path("kvm-hyperv-imitation"))
        let (out, summary) = try captureForTest(MSRStub(base: base) { _, _ in .failure(.unreadable(.ENOENT)) })
        #expect(!FileManager.default.fileExists(atPath: out.path + "/msr"))
        #expect(summary.manifest.note?.contains("no MSRs on CPUs 0-1 (on a live system: modprobe msr)") == true)
        #expect(summary.manifest.unreadable == nil)
    }

    /// Reference §2.1: only the rows marked safe, never GUEST_IDLE, RESET, EOI, EOM or SIRBP.
    @Test func readsOnlyTheSafeMSRs() {
        let indices = SnapshotMSRs.indices()
        #expect(indices.count == 3 + 1 + 4 + 1 + 4 + 16 + 8 + 9 + 1)
        for refused: UInt32 in [0x4000_00F0, 0x4000_0003, 0x4000_0070, 0x4000_0084, 0x4000_0085] {
            #expect(!indices.contains(refused))
        }
        #expect(indices.allSatisfy(MSRSafety.isSafeToRead))
        #expect(indices.contains(0x4000_0002))
        #expect(indices.contains(0x4000_0118))
    }

    /// No MSRs on arm64 (reference §2.5): nothing is asked.
    @Test func asksNothingOnArm64() throws {
        let base = try SnapshotMachine(path: CaptureFixtures.path("azure-arm64"))
        let (out, summary) = try captureForTest(MSRStub(base: base) { _, _ in .success(1) })
        #expect(!FileManager.default.fileExists(atPath: out.path + "/msr"))
        #expect(!FileManager.default.fileExists(atPath: out.path + "/cpuid.txt"))
        #expect(summary.manifest.arch == .aarch64)
    }
}

/// A snapshot whose MSRs come from `values`.
struct MSRStub: Machine {
    let base: SnapshotMachine
    let values: @Sendable (UInt32, Int) -> Result<UInt64, ReadFailure>

    var origin: String { base.origin }
    var architecture: Architecture { base.architecture }
    var kernelRelease: String? { base.kernelRelease }
    func file(at path: String) -> Result<[UInt8], ReadFailure> { base.file(at: path) }
    func directory(at path: String) -> Result<[String], ReadFailure> { base.directory(at: path) }
    func link(at path: String) -> Result<String, ReadFailure> { base.link(at: path) }
    func kernelLog() -> Result<[String], ReadFailure> { base.kernelLog() }
    func msr(_ index: UInt32, cpu: Int) -> Result<UInt64, ReadFailure> { values(index, cpu) }

    func cpuid(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure> {
        base.cpuid(leaf: leaf, subleaf: subleaf, cpu: cpu)
    }
}
