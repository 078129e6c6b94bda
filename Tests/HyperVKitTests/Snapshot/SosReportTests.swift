import Foundation
import Testing

@testable import HyperVKit

/// Issue 17: a sos report is known by its layout, its `uname -a` gives the architecture and the
/// kernel, and its kernel log comes from the best source it holds, said which.
@Suite struct SosReportTests {
    /// The smallest directory sos makes: its own two directories and `uname -a`.
    private func report(uname: String? = Self.debianUname) throws -> ScratchDirectory {
        let scratch = try ScratchDirectory()
        try scratch.write("sos_logs/sos.log", "")
        try scratch.write("version.txt", "sosreport: 4.5.6\n")
        try scratch.write(uname == nil ? "sos_commands/host/hostname" : SosReport.uname, uname ?? "host0\n")
        return scratch
    }

    static let debianUname =
        "Linux host0 6.1.0-37-cloud-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.140-1 (2025-05-22) x86_64 GNU/Linux\n"

    @Test(arguments: [
        // GNU uname on Debian leaves out the unknown -p and -i.
        (debianUname, "host0", "6.1.0-37-cloud-amd64", Architecture.x86_64),
        // RHEL 9 prints -m -p -i alike.
        (
            "Linux vm-a 5.14.0-362.8.1.el9_3.x86_64 #1 SMP PREEMPT_DYNAMIC Tue Oct 3 11:12:36 EDT 2023 x86_64 x86_64 "
                + "x86_64 GNU/Linux", "vm-a", "5.14.0-362.8.1.el9_3.x86_64", .x86_64
        ),
        (
            "Linux h 6.8.0-1017-azure #20-Ubuntu SMP Tue Oct 22 02:43:52 UTC 2024 aarch64 aarch64 aarch64 GNU/Linux",
            "h",
            "6.8.0-1017-azure", .aarch64
        ),
    ])
    func unameGivesHostReleaseAndMachine(_ line: String, _ host: String, _ release: String, _ arch: Architecture) {
        let uname = UnameLine(line)
        #expect(uname?.hostName == host)
        #expect(uname?.release == release)
        #expect(uname?.arch == arch)
    }

    @Test func unameThatIsNotLinuxIsNotRead() {
        #expect(UnameLine("Darwin mac 23.1.0 Darwin Kernel Version 23.1.0 arm64") == nil)
        #expect(UnameLine("") == nil)
    }

    @Test func aSosReportIsKnownByItsLayoutAndReadsItsUname() throws {
        let scratch = try report()
        let machine = try SnapshotMachine(path: scratch.path)
        #expect(machine.kind == "sos report")
        #expect(machine.architecture == .x86_64)
        #expect(machine.kernelRelease == "6.1.0-37-cloud-amd64")
        #expect(machine.sosReport?.sosVersion == "4.5.6")
        #expect(machine.capture?.host == "host0")
        // sos ran no dmesg and kept no log: not captured, never an empty log.
        #expect(machine.capture?.kernelLog == nil)
        #expect(throws: Never.self) {
            guard case .failure(.absent) = machine.kernelLog() else { throw ReadFailure.invalid("read a log") }
        }
        #expect(throws: Never.self) {
            guard case .failure(.absent) = machine.msr(0x4000_0000, cpu: 0) else { throw ReadFailure.invalid("msr") }
        }
    }

    /// A directory only named like a sos report is not one; neither is `sos_commands/` alone.
    @Test func aNameIsNotALayout() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("sosreport-host0-2026-12-01-abcdefg/sos_commands/kernel/uname_-a", Self.debianUname)
        #expect {
            try SnapshotMachine(path: scratch.path + "/sosreport-host0-2026-12-01-abcdefg")
        } throws: { error in
            (error as? SnapshotError)?.message.contains("nor a sos report (no sos_commands/ beside sos_reports/")
                == true
        }
    }

    @Test func theArchitectureComesFromCpuinfoWithoutUname() throws {
        let scratch = try report(uname: nil)
        try scratch.write("proc/cpuinfo", "processor\t: 0\nBogoMIPS\t: 50.00\nCPU implementer\t: 0x41\n")
        #expect(try SnapshotMachine(path: scratch.path).architecture == .aarch64)
        let bare = try report(uname: nil)
        #expect {
            try SnapshotMachine(path: bare.path)
        } throws: { error in
            (error as? SnapshotError)?.message.hasSuffix("its architecture is unknown") == true
        }
    }

    /// No dmesg: the journal of the boot, kernel lines only.
    @Test func theJournalGivesItsKernelLines() throws {
        let scratch = try report()
        try scratch.write(
            "sos_commands/logs/journalctl_--no-pager_--catalog_--boot",
            "Dec 01 10:00:00 host0 kernel: Hyper-V: Host Build 10.0.20348.2762-2-0\n"
                + "Dec 01 10:00:01 host0 systemd[1]: Started foo.\n"
                + "Dec 01 10:00:02 host0 kernel: hv_vmbus: Vmbus version:5.3\n")
        let machine = try SnapshotMachine(path: scratch.path)
        #expect(
            try machine.kernelLog().get() == [
                "Dec 01 10:00:00 host0 kernel: Hyper-V: Host Build 10.0.20348.2762-2-0",
                "Dec 01 10:00:02 host0 kernel: hv_vmbus: Vmbus version:5.3",
            ])
        #expect(machine.capture?.kernelLog == "sos_commands/logs/journalctl_--no-pager_--catalog_--boot")
    }

    /// A syslog file holds every boot it has seen: only the newest counts.
    @Test func aSyslogFileGivesOnlyTheNewestBoot() throws {
        let scratch = try report()
        try scratch.write(
            "var/log/messages",
            "Nov 30 09:00:00 host0 kernel: Linux version 6.1.0-36-cloud-amd64\n"
                + "Nov 30 09:00:00 host0 kernel: hv_vmbus: Vmbus version:5.2\n"
                + "Dec  1 10:00:00 host0 kernel: Linux version 6.1.0-37-cloud-amd64\n"
                + "Dec  1 10:00:01 host0 chronyd[700]: Selected source\n"
                + "Dec  1 10:00:02 host0 kernel: hv_vmbus: Vmbus version:5.3\n")
        let machine = try SnapshotMachine(path: scratch.path)
        #expect(
            try machine.kernelLog().get() == [
                "Dec  1 10:00:00 host0 kernel: Linux version 6.1.0-37-cloud-amd64",
                "Dec  1 10:00:02 host0 kernel: hv_vmbus: Vmbus version:5.3",
            ])
        // dmesg, when there, comes first.
        try scratch.write("sos_commands/kernel/dmesg", "[    0.000000] hv_vmbus: Vmbus version:5.3\n")
        #expect(
            try SnapshotMachine(path: scratch.path).kernelLog().get() == ["[    0.000000] hv_vmbus: Vmbus version:5.3"])
    }

    @Test func theManifestGivesWhenSosRan() {
        #expect(SosReport.secondsOnly("2026-03-14 10:22:31.503211") == "2026-03-14 10:22:31")
        #expect(SosReport.secondsOnly("2026-03-14 10:22:31") == "2026-03-14 10:22:31")
    }
}
