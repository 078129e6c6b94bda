import Testing

@testable import HyperVKit

/// The error patterns against lines printed from the 6.1 format strings they cite.
@Suite struct KernelLogErrorPatternTests {
    /// One line per pattern, as the kernel prints it (`pr_fmt` / netdev_err / dev_err prefixes).
    static let samples: [(id: String, line: String)] = [
        ("vmbus_connect", "[    5.386201] hv_vmbus: Unable to connect to host"),
        (
            "vmbus_isolation_version",
            "hv_vmbus: Invalid VMBus version 5.0 (expected >= 5.2) from the host supporting isolation"
        ),
        ("vmbus_invalid_offer", "hv_vmbus: Invalid offer 14 from the host supporting isolation"),
        ("vmbus_irq", "hv_vmbus: Can't request Hyper-V VMbus IRQ 17, Err -22"),
        ("vmbus_probe", "hv_vmbus: probe failed for device 5620e0c7-8062-4dce-aeb7-520c7ef76171 (-19)"),
        ("vmbus_post_msg", "hv_vmbus: hv_post_msg() failed; error code:4"),
        ("vmbus_unload", "hv_vmbus: Continuing even though VMBus UNLOAD did not complete"),
        (
            "storvsc_io",
            "hv_storvsc f8b3781a-1e82-4818-a1c3-63d806ec15bb: tag#212 cmd 0x2a status: scsi 0x2 srb 0x4 hv 0xc0000001"
        ),
        (
            "storvsc_subchannel",
            "hv_storvsc f8b3781a-1e82-4818-a1c3-63d806ec15bb: Failed to create sub-channel: timed out"
        ),
        (
            "netvsc_send",
            "hv_netvsc 000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c eth0: Unable to send packet pages 2 len 1514, ret -5"
        ),
        ("netvsc_open", "hv_netvsc 000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c eth0: unable to open channel: -110"),
        ("netvsc_add", "hv_netvsc 000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c eth0: unable to add netvsc device (ret -12)"),
        (
            "netvsc_ring",
            "hv_netvsc 000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c eth0: Ring buffer not empty after closing rndis"
        ),
        ("balloon_hot_add", "hv_balloon: hot_add memory failed error is -17"),
        ("balloon_response", "hv_balloon: Balloon response failed"),
        ("utils_packet", "hv_utils: Heartbeat request received. Packet length too small: 12"),
        ("utils_timesync", "hv_utils: TimeSync IC pkt recv failed (Err: -11)"),
    ]

    @Test func everyPatternMatchesItsLine() {
        #expect(Set(Self.samples.map(\.id)) == Set(KernelLogErrorPatterns.all.map(\.id)))
        for sample in Self.samples {
            let first = KernelLogErrorPatterns.all.first { $0.matches(sample.line) }
            #expect(first?.id == sample.id, "\(sample.line)")
        }
    }

    /// Lines of healthy boots and a TEST_UNIT_READY failure (a warning, storvsc_drv.c) match nothing.
    @Test(arguments: [
        "hv_vmbus: Vmbus version:5.3", "hv_vmbus: Unknown GUID: 8b60ccf6-709f-4c11-90b5-229c959a9e6a",
        "hv_vmbus: registering driver hv_netvsc", "hv_utils: Shutdown request received - graceful shutdown initiated",
        "hv_storvsc f8b3781a-1e82-4818-a1c3-63d806ec15bb: tag#3 cmd 0x0 status: scsi 0x2 srb 0x20 hv 0xc0000001",
        "hv_netvsc 000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c eth0: VF slot 1 added",
        "hv_balloon: Using Dynamic Memory protocol version 2.0", "sd 0:0:0:0: [sda] Write Protect is off",
    ])
    func benignLinesDoNotMatch(_ line: String) {
        #expect(KernelLogErrorPatterns.all.allSatisfy { !$0.matches(line) })
    }

    @Test func fragmentsMustAppearInOrder() {
        let pattern = KernelLogErrorPattern(id: "t", ["a ", "b"], meaning: "m", source: "s")
        #expect(pattern.matches("xa yb"))
        #expect(!pattern.matches("b then a "))
    }
}

/// The scan rules a line out by one search for the prefix every pattern starts with; a pattern
/// that did not would silently never match.
@Suite struct KernelLogErrorPrefixTests {
    @Test func everyPatternStartsWithTheCommonPrefix() {
        for pattern in KernelLogErrorPatterns.all {
            #expect(
                pattern.fragments.first?.utf8.starts(with: KernelLogErrorPatterns.commonPrefix) == true, "\(pattern.id)"
            )
        }
    }
}
