import Testing

@testable import HyperVKit

/// Each capability's threshold, as reference §5.3 and the 6.1 files it cites state it.
@Suite struct VMBusCapabilityTests {
    static let kernel61 = KernelRelease(major: 6, minor: 1)

    func available(_ name: String, _ version: String?, kernel: KernelRelease? = kernel61) -> Bool? {
        let capability = VMBusCapabilityCatalog.all.first { $0.name == name }
        return capability?.availability(version: version.flatMap(VMBusVersion.init), kernel: kernel).available
    }

    @Test(arguments: [
        ("unload", "2.4", false), ("unload", "3.0", true),
        ("vss", "2.4", false), ("vss", "3.0", true),
        ("hv_sock", "3.0", false), ("hv_sock", "4.0", true),
        ("netvsc_gpadl_teardown", "3.0", false), ("netvsc_gpadl_teardown", "4.0", true),
        ("channel_retarget", "4.0", false), ("channel_retarget", "4.1", true),
        ("offline_waits_for_events", "4.0", false), ("offline_waits_for_events", "4.1", true),
        ("new_connection_id", "4.1", false), ("new_connection_id", "5.0", true),
        ("isolated_vm_minimum", "5.1", false), ("isolated_vm_minimum", "5.2", true),
        ("modifychannel_ack", "5.2", false), ("modifychannel_ack", "5.3", true),
        ("confidential_vmbus", "5.3", false), ("confidential_vmbus", "6.0", true),
    ])
    func thresholds(_ name: String, _ version: String, _ expected: Bool) {
        #expect(available(name, version) == expected, "\(name) at \(version)")
    }

    /// hyperv_fb.c / hyperv_drm_proto.c: 2.4 and 3.0 use WIN8; 4.0 and 5.0 try WIN10 and may fall
    /// back, so the version alone does not settle it; every other version uses WIN10.
    @Test(
        arguments: [
            ("2.4", false), ("3.0", false), ("4.0", nil), ("4.1", true), ("5.0", nil), ("5.1", true), ("5.2", true),
            ("5.3", true), ("6.0", true),
        ] as [(String, Bool?)])
    func synthvid(_ version: String, _ expected: Bool?) {
        #expect(available("synthvid_win10", version) == expected, "synthvid at \(version)")
    }

    /// §6.1: automatic moves need VMBus 5.3 and kernel 6.15.
    @Test func autoOfflineMoveNeedsBoth() {
        #expect(available("auto_offline_move", "5.3", kernel: Self.kernel61) == false)
        #expect(available("auto_offline_move", "5.3", kernel: KernelRelease(major: 6, minor: 15)) == true)
        #expect(available("auto_offline_move", "5.2", kernel: KernelRelease(major: 6, minor: 15)) == false)
        #expect(available("auto_offline_move", "5.3", kernel: nil) == nil)
    }

    /// §3.4: writes to channels/<relid>/cpu exist since 5.8.
    @Test func channelRetargetNeeds5_8() {
        #expect(available("channel_retarget", "5.2", kernel: KernelRelease(major: 5, minor: 7)) == false)
        #expect(available("channel_retarget", "5.2", kernel: KernelRelease(major: 5, minor: 8)) == true)
    }

    @Test func anUnknownVersionIsUnknownEverywhere() {
        for capability in VMBusCapabilityCatalog.all {
            #expect(capability.availability(version: nil, kernel: Self.kernel61).available == nil)
        }
    }
}
