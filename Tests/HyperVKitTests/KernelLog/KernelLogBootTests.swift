import Testing

@testable import HyperVKit

/// Whole boot excerpts, checked against the values the reference's formats give by hand.
@Suite struct KernelLogBootTests {
    /// A Debian 12 (6.1) guest on a Windows Server 2022 host, as `dmesg` prints it. The lines are
    /// consistent with one another per reference §1.4/§1.5/§7.1: low 0xae7f has EAX[9] (TSC page
    /// clocksource), EAX[10] with hints[10] (IPI hypercalls, PV spinlocks), EAX[11] with misc[8]
    /// (LAPIC frequency line), EAX[15] (so no "TSC unstable" line); hints 0x64e24 has bit 2
    /// (remote TLB flush) but not bit 3 (no enlightened APIC line); misc[10] = crash MSRs; high
    /// 0x3b8030 has neither EBX[12] (root) nor EBX[22] (isolation).
    static let x86Linux61 = """
        [    0.000000] Linux version 6.1.0-28-cloud-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)
        [    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-28-cloud-amd64 root=PARTUUID=0a1b2c3d ro console=tty0 console=ttyS0,115200n8
        [    0.000000] DMI: Microsoft Corporation Virtual Machine/Virtual Machine, BIOS Hyper-V UEFI Release v4.1 08/23/2024
        [    0.000000] Hypervisor detected: Microsoft Hyper-V
        [    0.000000] Hyper-V: privilege flags low 0xae7f, high 0x3b8030, hints 0x64e24, misc 0xbed7b2
        [    0.000000] Hyper-V: Host Build 10.0.20348.2700-0-0
        [    0.000000] Hyper-V: Nested features: 0x1e0101
        [    0.000000] Hyper-V: LAPIC Timer Frequency: 0xc3500
        [    0.000000] Hyper-V: Using hypercall for remote TLB flush
        [    0.000000] clocksource: hyperv_clocksource_tsc_page: mask: 0xffffffffffffffff max_cycles: 0x24e6a1710, max_idle_ns: 440795202120 ns
        [    0.000002] tsc: Detected 2593.905 MHz processor
        [    0.010536] Hyper-V: enabling crash_kexec_post_notifiers
        [    0.052130] Hyper-V: PV spinlocks enabled
        [    0.155216] Hyper-V: Using IPI hypercalls
        [    0.404103] hv_vmbus: Vmbus version:5.3
        [    0.412442] hv_vmbus: registering driver hyperv_keyboard
        [    0.930116] clocksource: Switched to clocksource hyperv_clocksource_tsc_page
        [    1.402231] hv_vmbus: registering driver hv_netvsc
        [    1.413920] hv_utils: Registering HyperV Utility Driver
        [    1.413946] hv_vmbus: registering driver hv_utils
        [    1.420187] hv_utils: Heartbeat IC version 3.0
        [    1.421566] hv_utils: TimeSync IC version 4.0
        """

    @Test func realisticX86Linux61Boot() {
        let facts = KernelLogParser.parse(Self.x86Linux61.split(separator: "\n").map(String.init))
        #expect(facts.hypervisorDetected == "Microsoft Hyper-V")
        #expect(facts.detectedHyperV)
        #expect(facts.privilegeLow == 0xAE7F)
        #expect(facts.privilegeHigh == 0x3B_8030)
        #expect(facts.ext == nil)
        #expect(facts.hints == 0x6_4E24)
        #expect(facts.misc == 0xBE_D7B2)
        #expect(facts.lineFormat == .privilegeFlags)
        #expect(
            facts.hostVersion
                == HostVersion(build: 20348, major: 10, minor: 0, servicePack: 0, serviceBranch: 0, serviceNumber: 2700)
        )
        #expect(facts.hostBuildFormat == .hostBuild)
        #expect(facts.nestedFeatures == 0x1E_0101)
        #expect(facts.lapicTimerFrequency == 800_000)
        #expect(facts.isolationGroupA == nil)
        #expect(facts.isolationGroupB == nil)
        #expect(facts.vmbusVersion == VMBusVersion(major: 5, minor: 3))
        #expect(facts.clocksource == "hyperv_clocksource_tsc_page")
        #expect(facts.usesHypercallForRemoteTLBFlush)
        #expect(facts.usesIPIHypercalls)
        #expect(facts.pvSpinlocksEnabled == true)
        #expect(facts.crashKexecPostNotifiers)
        #expect(facts.enlightenedAPICMode == nil)
        #expect(!facts.runningAsRootPartition)
        #expect(!facts.runningOnNestedHypervisor)
        #expect(!facts.tscMarkedUnstable)
        #expect(facts.confidentialVMBus == nil)
        #expect(facts.diagnostics.isEmpty)
        // 11 boot lines and the two IC version lines of hv_utils.
        #expect(facts.evidence.count == 13)
        #expect(facts.evidence.first == "Hypervisor detected: Microsoft Hyper-V")
        #expect(facts.evidence.last == "hv_utils: TimeSync IC version 4.0")
        #expect(facts.deviceProtocols.map(\.kind) == [.heartbeat, .timesync])
        #expect(facts.deviceProtocols.map(\.version) == ["3.0", "4.0"])
        #expect(
            facts.leaves() == [
                0x4000_0002: RegisterSet(eax: 20348, ebx: 0x000A_0000, ecx: 0, edx: 2700),
                0x4000_0003: RegisterSet(eax: 0xAE7F, ebx: 0x3B_8030, ecx: nil, edx: 0xBE_D7B2),
                0x4000_0004: RegisterSet(eax: 0x6_4E24),
                0x4000_000A: RegisterSet(eax: 0x1E_0101),
            ])
    }

    /// An arm64 guest (reference §7.2): privilege line (misc = word c, arm64 layout: bit 8 crash
    /// registers, bit 13 direct stimers), Host Build, Vmbus version; no x86-only lines.
    @Test func arm64Boot() {
        let facts = parseLog(
            "[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x413fd0c1]",
            "[    0.000000] ACPI: FADT 0x000000003FFF8000 000114 (v06 VRTUAL MICROSFT 00000001 MSFT 00000001)",
            "[    0.000000] Hyper-V: privilege flags low 0x2e7f, high 0x3a8030, hints 0xe, misc 0x2100",
            "[    0.000000] Hyper-V: Host Build 10.0.26100.1742-1-3",
            "[    0.000000] Hyper-V: enabling crash_kexec_post_notifiers",
            "[    0.390514] hv_vmbus: Vmbus version:5.3",
            "[    0.392266] hv_vmbus: registering driver hyperv_keyboard",
            "[    0.650103] clocksource: Switched to clocksource arch_sys_counter")
        #expect(facts.privilegeLow == 0x2E7F)
        #expect(facts.privilegeHigh == 0x3A_8030)
        #expect(facts.hints == 0xE)
        #expect(facts.misc == 0x2100)
        #expect(facts.hostVersion?.build == 26100)
        #expect(facts.hostVersion?.serviceNumber == 1742)
        #expect(facts.hostVersion?.servicePack == 1)
        #expect(facts.hostVersion?.serviceBranch == 3)
        #expect(facts.vmbusVersion == VMBusVersion(major: 5, minor: 3))
        #expect(facts.crashKexecPostNotifiers)
        #expect(facts.clocksource == "arch_sys_counter")
        #expect(facts.hypervisorDetected == nil)
        #expect(facts.nestedFeatures == nil)
        #expect(
            facts.leaves() == [
                // EDX = branch 3 << 24 | service number 1742 (0x6CE); ECX = service pack 1.
                0x4000_0002: RegisterSet(eax: 26100, ebx: 0x000A_0000, ecx: 1, edx: 0x0300_06CE),
                0x4000_0003: RegisterSet(eax: 0x2E7F, ebx: 0x3A_8030, ecx: nil, edx: 0x2100),
                0x4000_0004: RegisterSet(eax: 0xE),
            ])
    }

    /// An SNP confidential VM on a newer kernel (6.15+ privilege line, isolation, confidential VMBus).
    @Test func isolatedNewerKernelBoot() {
        let facts = parseLog(
            "[    0.000000] Hypervisor detected: Microsoft Hyper-V",
            "[    0.000000] Hyper-V: privilege flags low 0xb267, high 0x7e8030, ext 0x2, hints 0xa0e24, misc 0xe0bed7b2",
            "[    0.000000] Hyper-V: Nested features: 0x0",
            "[    0.000000] Hyper-V: LAPIC Timer Frequency: 0xc3500",
            "[    0.000000] Hyper-V: Isolation Config: Group A 0x1, Group B 0xba2",
            "[    0.351002] Hyper-V: Host Build 10.0.26100.4202-0-3",
            "[    0.402000] hv_vmbus: Vmbus version:6.0",
            "[    0.402001] hv_vmbus: VMBus is confidential: 1")
        #expect(facts.lineFormat == .privilegeFlagsExt)
        #expect(facts.confidentialVMBus == true)
        #expect(facts.vmbusVersion == VMBusVersion(major: 6, minor: 0))
        #expect(
            facts.leaves() == [
                0x4000_0002: RegisterSet(eax: 26100, ebx: 0x000A_0000, ecx: 0, edx: 0x0300_106A),
                0x4000_0003: RegisterSet(eax: 0xB267, ebx: 0x7E_8030, ecx: 0x2, edx: 0xE0BE_D7B2),
                0x4000_0004: RegisterSet(eax: 0xA_0E24),
                0x4000_000A: RegisterSet(eax: 0),
                0x4000_000C: RegisterSet(eax: 0x1, ebx: 0xBA2),
            ])
    }
}
