/// Guest behaviour that depends on the negotiated VMBus version: the rows of reference §5.3, each
/// checked against the 6.1 source it names.
public struct VMBusCapability: Sendable, Hashable {
    /// How the version decides the capability.
    public enum Rule: Sendable, Hashable {
        /// Available from `minVersion` on.
        case atLeast
        /// `hyperv_fb.c` / `hyperv_drm_proto.c`: 2.4 and 3.0 use SYNTHVID WIN8; 4.0 and 5.0 try
        /// WIN10 and fall back to WIN8 when the host refuses; every other version uses WIN10.
        case synthvidWin10
    }

    /// snake_case, stable: scripts select on it.
    public let name: String
    public let minVersion: VMBusVersion
    /// An upstream kernel release the behaviour also needs, when the reference names one.
    public let minKernel: KernelRelease?
    public let description: String
    /// The kernel file that decides it.
    public let source: String
    public let rule: Rule

    init(
        _ name: String, _ minVersion: VMBusVersion, minKernel: KernelRelease? = nil, rule: Rule = .atLeast,
        _ description: String, source: String
    ) {
        self.name = name
        self.minVersion = minVersion
        self.minKernel = minKernel
        self.description = description
        self.source = source
        self.rule = rule
    }

    /// Whether this guest has it, and a note when the answer needs one.
    ///
    /// - Parameter negotiated: the version was read from the kernel log (not inferred): then it
    ///   implies the kernel's minimum (`VMBusProtocolFacts.minimumKernel`), which settles a
    ///   kernel condition when the release itself is unknown (issue 13).
    public func availability(version: VMBusVersion?, kernel: KernelRelease?, negotiated: Bool = false)
        -> (available: Bool?, note: String?)
    {
        guard let version else { return (nil, "the VMBus version is unknown") }
        if rule == .synthvidWin10 { return synthvid(version) }
        guard version >= minVersion else { return (false, nil) }
        guard let minKernel else { return (true, nil) }
        guard let kernel else {
            if negotiated, let implied = VMBusProtocolFacts.minimumKernel(negotiating: version), implied >= minKernel {
                return (
                    true,
                    "inferred from the negotiated VMBus \(version): only kernels \(implied) and newer negotiate it, "
                        + "and this needs \(minKernel)"
                )
            }
            return (nil, "needs kernel \(minKernel) or newer; the kernel release is unknown")
        }
        guard kernel >= minKernel else { return (false, "needs kernel \(minKernel) or newer; this is \(kernel)") }
        return (true, nil)
    }

    private func synthvid(_ version: VMBusVersion) -> (available: Bool?, note: String?) {
        switch version {
        case VMBusProtocolFacts.win8, VMBusProtocolFacts.win81:
            return (false, "\(version) uses WIN8")
        case VMBusProtocolFacts.win10, VMBusProtocolFacts.win10V5:
            return (nil, "at \(version) the host's answer decides between WIN10 and WIN8")
        default:
            return version < minVersion ? (false, nil) : (true, nil)
        }
    }
}

/// The catalogue: every row of reference §5.3, in its order.
public enum VMBusCapabilityCatalog {
    public static let all: [VMBusCapability] = [
        VMBusCapability(
            "unload", VMBusProtocolFacts.win81,
            "CHANNELMSG_UNLOAD on kexec, crash and shutdown (pre-WS2012 R2 hosts cannot reconnect)",
            source: "drivers/hv/channel_mgmt.c"),
        VMBusCapability(
            "vss", VMBusProtocolFacts.win81, "the Backup (volume snapshot) integration service",
            source: "drivers/hv/hv_snapshot.c"),
        VMBusCapability(
            "hv_sock", VMBusProtocolFacts.win10,
            "hv_sock, AF_VSOCK over VMBus (hvs_init() fails with ENODEV below 4.0)",
            source: "net/vmw_vsock/hyperv_transport.c"),
        VMBusCapability(
            "netvsc_gpadl_teardown", VMBusProtocolFacts.win10,
            "netvsc tears down its GPADLs after closing the channel (WS2016+ behaviour)",
            source: "drivers/net/hyperv/netvsc.c"),
        VMBusCapability(
            "synthvid_win10", VMBusProtocolFacts.win10, rule: .synthvidWin10,
            "synthetic video protocol WIN10: 2.4/3.0 use WIN8, 4.0/5.0 try WIN10 then WIN8, others WIN10",
            source: "drivers/video/fbdev/hyperv_fb.c, drivers/gpu/drm/hyperv/hyperv_drm_proto.c"),
        VMBusCapability(
            "channel_retarget", VMBusProtocolFacts.win10V41, minKernel: KernelRelease(major: 5, minor: 8),
            "MODIFYCHANNEL: channels/<relid>/cpu is writable (kernel 5.8+; EIO below 4.1)",
            source: "drivers/hv/vmbus_drv.c, drivers/hv/channel.c"),
        VMBusCapability(
            "offline_waits_for_events", VMBusProtocolFacts.win10V41,
            "CPU offline also waits for pending channel events (hv_synic_event_pending())",
            source: "drivers/hv/hv.c"),
        VMBusCapability(
            "new_connection_id", VMBusProtocolFacts.win10V5,
            "contact on message connection ID 4, then the host's; hv_sock rings above 6 pages",
            source: "drivers/hv/connection.c, net/vmw_vsock/hyperv_transport.c"),
        VMBusCapability(
            "isolated_vm_minimum", VMBusProtocolFacts.win10V52,
            "enough for an isolated (confidential) VM; below it the kernel drops VMBus",
            source: "drivers/hv/connection.c"),
        VMBusCapability(
            "modifychannel_ack", VMBusProtocolFacts.win10V53,
            "the host acknowledges MODIFYCHANNEL: a cpu write returns after the switch",
            source: "drivers/hv/channel.c"),
        VMBusCapability(
            "auto_offline_move", VMBusProtocolFacts.win10V53, minKernel: .movesChannelsOnOffline,
            "channels leave a CPU going offline by themselves instead of EBUSY (kernel 6.15+)",
            source: "drivers/hv/hv.c (6.15)"),
        VMBusCapability(
            "confidential_vmbus", VMBusProtocolFacts.win10V60,
            "Confidential VMBus: confidential channels and ring buffers (newer kernels)",
            source: "include/linux/hyperv.h, drivers/hv/vmbus_drv.c (newer kernels)"),
    ]
}
