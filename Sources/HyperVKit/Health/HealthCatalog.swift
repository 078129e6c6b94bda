/// Every check, in the order they run and print. docs/health.md and `hvctl health --help` list
/// them with their severities.
public enum HealthCatalog {
    public static let all: [HealthCheck] = [
        HyperVDetectedCheck.check,
        HostSupportedCheck.check,
        VMBusVersionCheck.check,
        DevicesBoundCheck.check,
        KernelDriversCheck.check,
        ExpectedDevicesCheck.check,
        ClocksourceCheck.check,
        ReferenceTSCCheck.check,
        ChannelBalanceCheck.check,
        OfflineCPUChannelsCheck.check,
        RingsFullCheck.check,
        PhantomCPUCheck.check,
        IsolationCheck.check,
        CrashMSRCheck.check,
        KernelLogErrorsCheck.check,
    ]

    public static let ids: [String] = all.map(\.id)

    public static func check(_ id: String) -> HealthCheck? { all.first { $0.id == id } }
}
