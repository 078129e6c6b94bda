import Testing

@testable import HyperVKit

/// The other boot lines of reference §7.1, §7.2 and §5.2.
@Suite struct KernelLogLinesTests {
    /// 0x4000000C EAX = Group A, EBX = Group B. Example: paravisor present (A bit 0), SNP
    /// isolation type 2, shared GPA boundary active (bit 5) at bit 46 (bits 11:6 = 46).
    @Test func isolationConfig() {
        let facts = parseLog("Hyper-V: Isolation Config: Group A 0x1, Group B 0xba2")
        #expect(facts.isolationGroupA == 0x1)
        #expect(facts.isolationGroupB == 0xBA2)
        #expect(facts.leaves()[0x4000_000C] == RegisterSet(eax: 0x1, ebx: 0xBA2))
    }

    /// 0x4000000A EAX only (enlightened VMCS version 1.1 in bits 15:0, bits 17-20 set).
    @Test func nestedFeatures() {
        let facts = parseLog("[    0.000000] Hyper-V: Nested features: 0x1e0101")
        #expect(facts.nestedFeatures == 0x1E_0101)
    }

    /// `%#x` of the APIC frequency divided by CONFIG_HZ: 200 MHz / 250 = 800000 = 0xc3500.
    @Test func lapicTimerFrequency() {
        #expect(parseLog("Hyper-V: LAPIC Timer Frequency: 0xc3500").lapicTimerFrequency == 800_000)
        #expect(parseLog("Hyper-V: LAPIC Timer Frequency: 0").lapicTimerFrequency == 0)
    }

    /// The negotiated version: the only place it is published (reference §5.2).
    @Test func vmbusVersion() {
        #expect(parseLog("[    0.404103] hv_vmbus: Vmbus version:5.3").vmbusVersion == VMBusVersion(major: 5, minor: 3))
        #expect(parseLog("hv_vmbus: Vmbus version:4.1").vmbusVersion == VMBusVersion(major: 4, minor: 1))
        #expect(parseLog("hv_vmbus: Vmbus version:65536.0").vmbusVersion == nil)
        #expect(parseLog("hv_vmbus: Vmbus version:5.-3").vmbusVersion == nil)
    }

    @Test func hypervisorDetected() {
        let current = parseLog("[    0.000000] Hypervisor detected: Microsoft Hyper-V")
        #expect(current.hypervisorDetected == "Microsoft Hyper-V")
        #expect(current.detectedHyperV)
        let old = parseLog("[    0.000000] Hypervisor detected: Microsoft HyperV")
        #expect(old.hypervisorDetected == "Microsoft HyperV")
        #expect(old.detectedHyperV)
        let kvm = parseLog("[    0.000000] Hypervisor detected: KVM")
        #expect(kvm.hypervisorDetected == "KVM")
        #expect(!kvm.detectedHyperV)
        #expect(parseLog("Hypervisor detected:   ").hypervisorDetected == nil)
    }

    @Test func partitionRoles() {
        let facts = parseLog("Hyper-V: running as root partition", "Hyper-V: running on a nested hypervisor")
        #expect(facts.runningAsRootPartition)
        #expect(facts.runningOnNestedHypervisor)
        let plain = parseLog("Hyper-V: running as root partitions")
        #expect(!plain.runningAsRootPartition)
    }

    @Test func confidentialVMBus() {
        #expect(parseLog("hv_vmbus: VMBus is confidential: 1").confidentialVMBus == true)
        #expect(parseLog("hv_vmbus: VMBus is confidential: 0").confidentialVMBus == false)
        let odd = parseLog("hv_vmbus: VMBus is confidential: 2")
        #expect(odd.confidentialVMBus == nil)
        #expect(odd.diagnostics.count == 1)
        #expect(parseLog("something else").confidentialVMBus == nil)
    }

    /// The last switch wins (the kernel may switch from `tsc` early to the TSC page later).
    @Test func clocksourceIsTheLastSwitch() {
        let facts = parseLog(
            "[    0.100000] clocksource: Switched to clocksource tsc-early",
            "[    0.160000] clocksource: hyperv_clocksource_tsc_page: mask: 0xffffffffffffffff max_cycles: 0x24e6a1710, max_idle_ns: 440795202120 ns",
            "[    0.930116] clocksource: Switched to clocksource hyperv_clocksource_tsc_page")
        #expect(facts.clocksource == "hyperv_clocksource_tsc_page")
    }

    /// Lines of `arch/x86/hyperv/{hv_apic,hv_spinlock,mmu}.c` and `drivers/hv/hv_common.c`.
    @Test func enlightenmentsInUse() {
        let facts = parseLog(
            "[    0.155216] Hyper-V: Using IPI hypercalls",
            // hv_apic.c prints this without a newline, so text may follow on the same line.
            "[    0.155217] Hyper-V: Using enlightened APIC (x2apic mode)[    0.155300] smp: Bringing up secondary CPUs",
            "[    0.000000] Hyper-V: Using hypercall for remote TLB flush",
            "[    0.052130] Hyper-V: PV spinlocks enabled",
            "[    0.000000] Hyper-V: enabling crash_kexec_post_notifiers")
        #expect(facts.usesIPIHypercalls)
        #expect(facts.enlightenedAPICMode == "x2apic")
        #expect(facts.usesHypercallForRemoteTLBFlush)
        #expect(facts.pvSpinlocksEnabled == true)
        #expect(facts.crashKexecPostNotifiers)
        #expect(parseLog("Hyper-V: PV spinlocks disabled").pvSpinlocksEnabled == false)
        #expect(parseLog("Hyper-V: Using enlightened APIC (xapic mode)").enlightenedAPICMode == "xapic")
        #expect(parseLog("nothing").pvSpinlocksEnabled == nil)
    }

    @Test func vmbusFailures() {
        let facts = parseLog(
            "[    2.000000] hv_vmbus: Invalid VMBus version 5.1 (expected >= 5.2) from the host supporting isolation",
            "[    2.000001] hv_vmbus: Unable to connect to host")
        #expect(facts.vmbusConnectFailed)
        #expect(
            facts.vmbusIsolationVersionRejected
                == VMBusVersionRejection(
                    offered: VMBusVersion(major: 5, minor: 1), required: VMBusVersion(major: 5, minor: 2)))
        #expect(facts.vmbusVersion == nil)
    }

    /// `%pUl` prints lowercase; repeats are listed once, in order of first appearance.
    @Test func unknownGUIDs() {
        let facts = parseLog(
            "hv_vmbus: Unknown GUID: 6e382d18-3336-4f4b-acc4-2b7703d4df4a",
            "hv_vmbus: Unknown GUID: 44C4F61D-4444-4400-9D52-802E27EDE19F",
            "hv_vmbus: Unknown GUID: 6e382d18-3336-4f4b-acc4-2b7703d4df4a",
            "hv_vmbus: Unknown GUID: 6e382d18-3336-4f4b-acc4")
        #expect(
            facts.unknownDeviceClasses == [
                "6e382d18-3336-4f4b-acc4-2b7703d4df4a", "44c4f61d-4444-4400-9d52-802e27ede19f",
            ])
        #expect(facts.diagnostics.count == 1)
        #expect(facts.evidence.count == 2)
    }

    /// Linux gives up on Hyper-V when EAX[5] or EAX[6] of 0x40000003 is clear (reference §1.1).
    @Test func missingMSRs() {
        let facts = parseLog(
            "[    0.000000] x86/hyperv: HYPERCALL MSR not available.",
            "[    0.000000] x86/hyperv: VP_INDEX MSR not available.")
        #expect(facts.hypercallMSRUnavailable)
        #expect(facts.vpIndexMSRUnavailable)
    }

    @Test func tscMarkedUnstable() {
        #expect(parseLog("[    0.000003] tsc: Marking TSC unstable due to running on Hyper-V").tscMarkedUnstable)
    }

    /// Lines that only resemble the known ones are not taken for them.
    @Test(arguments: [
        "hv_vmbus: registering driver hv_netvsc",
        "hv_utils: Registering HyperV Utility Driver",
        "Hyper-V: max 64 virtual processors, 16 logical processors",
        "Vmbus version:5.3",
        "hv_vmbus: Vmbus version 5.3",
        "clocksource: Switched to clocksource",
        "Hyper-V: Nested features: 0x1e0101q",
        "Hyper-V:",
        "Hyper-",
    ])
    func lookalikesGiveNothing(_ line: String) {
        #expect(parseLog(line) == KernelLogFacts())
    }
}
