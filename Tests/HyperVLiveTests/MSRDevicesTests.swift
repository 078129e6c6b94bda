import HyperVKit
import Testing

@testable import HyperVLive

#if canImport(Glibc)
    import Glibc
#endif

/// The pread path of `/dev/cpu/N/msr` (reference §9) on sparse files standing in for the devices: the
/// MSR index is the file position counted in 8-byte records (byte `index × 8`, `CPUDeviceFile`) and
/// the value is 8 little-endian bytes, exactly as the driver answers.
@Suite struct MSRDevicesTests {
    /// GUEST_OS_ID a Linux 6.1.192 guest writes (reference §2.2: `0x8100000601C00000`).
    static let guestOSID: UInt64 = 0x8100_0006_01C0_0000
    /// SINT2 as Linux programs it: vector 0xF3, auto-EOI bit 17 (reference §2.3).
    static let sint2: UInt64 = 0x0000_0000_0002_00F3

    /// A device tree `<tmp>/<cpu>/msr` with `values` written at their MSR's record.
    static func deviceTree(_ values: [Int: [UInt32: UInt64]]) throws -> TemporaryDirectory {
        let tree = try TemporaryDirectory(prefix: "hvctl-msr-")
        for (cpu, registers) in values {
            try #require(mkdir(tree.path + "/\(cpu)", 0o700) == 0)
            let fd = open(tree.path + "/\(cpu)/msr", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
            try #require(fd >= 0)
            defer { close(fd) }
            for (index, value) in registers {
                let bytes = withUnsafeBytes(of: value.littleEndian) { Array($0) }
                let written = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, 8, off_t(index) * 8) }
                try #require(written == 8)
            }
        }
        return tree
    }

    /// Adjacent indexes do not overlap: the stand-in file counts 8-byte records, as the driver does.
    @Test func readsLittleEndianValuesAtTheMSRIndex() throws {
        let tree = try Self.deviceTree([
            0: [0x4000_0000: Self.guestOSID, 0x4000_0001: 0x1001, 0x4000_0002: 0],
            1: [0x4000_0002: 1, 0x4000_0092: Self.sint2],
        ])
        let machine = try LiveMachine(root: "/", msrDevicePrefix: tree.path)
        #expect(machine.msr(0x4000_0000, cpu: 0) == .success(Self.guestOSID))
        #expect(machine.msr(0x4000_0001, cpu: 0) == .success(0x1001))
        #expect(machine.msr(0x4000_0002, cpu: 1) == .success(1))
        #expect(machine.msr(0x4000_0092, cpu: 1) == .success(Self.sint2))
        // A hole in the sparse file reads as zeros, as an implemented-but-zero MSR would.
        #expect(machine.msr(0x4000_0080, cpu: 1) == .success(0))
        // Each device is opened once and its descriptor reused.
        #expect(machine.msrDevices.openCPUs == [0, 1])
        #expect(machine.msr(0x4000_0000, cpu: 0) == .success(Self.guestOSID))
        #expect(machine.msrDevices.openCPUs == [0, 1])
    }

    @Test func decodesBytesAsLittleEndian() {
        #expect(MSRDevices.decode([0x00, 0x00, 0xC0, 0x01, 0x06, 0x00, 0x00, 0x81]) == Self.guestOSID)
    }

    @Test func missingDeviceKeepsENOENT() throws {
        let tree = try Self.deviceTree([0: [0x4000_0000: 1]])
        let machine = try LiveMachine(root: "/", msrDevicePrefix: tree.path)
        #expect(machine.msr(0x4000_0000, cpu: 5) == .failure(.unreadable(.ENOENT)))
        #expect(machine.msr(0x4000_0000, cpu: -1) == .failure(.unreadable(.EINVAL)))
        #expect(machine.msrDevices.openCPUs.isEmpty)
    }

    @Test func shortReadIsInvalid() throws {
        let tree = try Self.deviceTree([:])
        try #require(mkdir(tree.path + "/0", 0o700) == 0)
        let fd = open(tree.path + "/0/msr", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        try #require(fd >= 0)
        let half: [UInt8] = [1, 2, 3, 4]
        let written = half.withUnsafeBytes { pwrite(fd, $0.baseAddress, 4, 0x4000_0010 * 8) }
        close(fd)
        try #require(written == 4)
        let machine = try LiveMachine(root: "/", msrDevicePrefix: tree.path)
        #expect(machine.msr(0x4000_0010, cpu: 0) == .failure(.invalid("short read: 4 of 8 bytes")))
    }

    /// Reference §9: no file permission → EACCES, no CAP_SYS_RAWIO → EPERM, driver gone → ENOENT/ENXIO,
    /// #GP on an ungranted MSR → EIO. Root cannot provoke EACCES on a file; a device path that is a
    /// directory gives the open's own errno (EISDIR), kept as it is, and the permission errnos are
    /// the ones the caller turns into the root hint.
    @Test func theOpenErrnoIsKept() throws {
        let tree = try Self.deviceTree([:])
        try #require(mkdir(tree.path + "/0", 0o700) == 0)
        try #require(mkdir(tree.path + "/0/msr", 0o700) == 0)
        let machine = try LiveMachine(root: "/", msrDevicePrefix: tree.path)
        #expect(machine.msr(0x4000_0000, cpu: 0) == .failure(.unreadable(.EISDIR)))
        #expect(machine.msr(0x4000_0000, cpu: 7) == .failure(.unreadable(.ENOENT)))
        #expect(ReadFailure.unreadable(.EACCES).isPermissionDenied)
        #expect(ReadFailure.unreadable(.EPERM).isPermissionDenied)
        #expect(!ReadFailure.unreadable(.EIO).isPermissionDenied)
    }

    /// A FIFO at the device path must neither hang the open nor yield a value.
    @Test func fifoNeitherBlocksNorReads() throws {
        let tree = try Self.deviceTree([:])
        try #require(mkdir(tree.path + "/0", 0o700) == 0)
        try #require(mkfifo(tree.path + "/0/msr", 0o600) == 0)
        let machine = try LiveMachine(root: "/", msrDevicePrefix: tree.path)
        #expect(machine.msr(0x4000_0000, cpu: 0) == .failure(.unreadable(Errno(ESPIPE))))
    }

    /// GUEST_IDLE (0x400000F0) is never read (reference §2.1): the stand-in holds a value there, yet the
    /// call fails as unsafe and no device is opened.
    @Test func guestIdleIsNeverRead() throws {
        let tree = try Self.deviceTree([0: [0x4000_00F0: 0xDEAD_BEEF, 0x4000_0002: 0]])
        let machine = try LiveMachine(root: "/", msrDevicePrefix: tree.path)
        guard case .failure(.invalid(let why)) = machine.msr(0x4000_00F0, cpu: 0) else {
            Issue.record("GUEST_IDLE was not refused")
            return
        }
        #expect(why.hasPrefix("unsafe to read MSR 0x400000f0"))
        #expect(machine.msrDevices.openCPUs.isEmpty)
    }

    /// Every refused MSR is refused before the open: CPU 0's device is a directory, so an open and
    /// pread would have failed with EISDIR instead, as the safe read on the same device shows.
    @Test(arguments: MSRSafety.denied.keys.sorted())
    func refusedMSRsOpenNothing(index: UInt32) throws {
        let tree = try Self.deviceTree([:])
        try #require(mkdir(tree.path + "/0", 0o700) == 0)
        try #require(mkdir(tree.path + "/0/msr", 0o700) == 0)
        let machine = try LiveMachine(root: "/", msrDevicePrefix: tree.path)
        guard case .failure(.invalid(let why)) = machine.msr(index, cpu: 0) else {
            Issue.record("MSR \(index) was not refused")
            return
        }
        #expect(why.hasPrefix("unsafe to read"))
        #expect(machine.msrDevices.openCPUs.isEmpty)
        #expect(machine.msr(0x4000_0002, cpu: 0) == .failure(.unreadable(.EISDIR)))
    }

    /// The whole `hvctl msr` path on the stand-in devices, --force included: GUEST_IDLE comes back
    /// `unsafe` and only CPU 0's device is opened, for the safe MSR read next to it.
    @Test func reportWithForceStillRefusesGuestIdle() throws {
        let tree = try Self.deviceTree([0: [0x4000_00F0: 0xDEAD_BEEF, 0x4000_0000: Self.guestOSID]])
        let machine = try LiveMachine(root: "/", msrDevicePrefix: tree.path)
        guard machine.architecture == .x86_64 else { return }
        let request = MSRRequest(indexes: [0x4000_00F0, 0x4000_0000], cpus: [0], force: true)
        let report = try MSRReportBuilder.build(machine, request: request).get()
        #expect(report.cpus[0].reading(0x4000_00F0)?.errorCode == "unsafe")
        #expect(report.cpus[0].reading(0x4000_0000)?.value == Self.guestOSID)
        #expect(machine.msrDevices.openCPUs == [0])
    }
}
