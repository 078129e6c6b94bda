/// The thresholds and expectations the checks compare with. Every value has a default, so a run
/// without `--config` is fully defined; docs/health.md lists the file keys.
public struct HealthConfiguration: Sendable, Equatable {
    /// `vmbus.min_version`. Default 4.0 (Windows Server 2016): Linux is dropping the WS2012 and
    /// WS2012 R2 protocols 2.4 and 3.0 ("Drivers: hv: Remove support for WS2012/2012R2 & Win8/8.1",
    /// reference §5.1), and below 4.0 hv_sock does not work (`hvs_init()`, §5.3).
    public var minimumVMBusVersion = VMBusProtocolFacts.win10
    /// `vmbus.expected_devices`: classes that must be offered; empty = the check is skipped.
    public var expectedDevices: [ExpectedDeviceClass] = []
    /// `channels.balance.max_ratio`: the busiest CPU's performance channels over the fewest an
    /// even spread could give it. Default 2.0: one CPU carrying twice what it must.
    public var maxChannelImbalance = 2.0
    /// `rings.max_fill_percent`: an outbound ring fuller than this is reported. Default 90.
    public var maxRingFillPercent = 90.0
    /// `isolation.expected`: nil = the check is skipped.
    public var expectedIsolation: HypervisorSummary.IsolationType?
    /// `severity.<id>`: a check's severity replaced.
    public var severities: [String: HealthSeverity] = [:]
    /// `checks.skip`: checks never run (as `--skip`).
    public var skip: [String] = []

    public init() {}

    /// A class from `vmbus.expected_devices`: a catalogue class, or a GUID the catalogue lacks.
    public struct ExpectedDeviceClass: Sendable, Equatable {
        /// How output names it: the class identifier (`nic`, `hv_sock`) or the GUID.
        public var name: String
        public var selector: DeviceClassSelector

        public init(_ selector: DeviceClassSelector) {
            self.selector = selector
            self.name = selector.identifier
        }

        /// Whatever `--class` accepts (`DeviceClassSelector`); nil for an unknown name.
        public static func resolve(_ text: String) -> ExpectedDeviceClass? {
            DeviceClassSelector.parse(text).map(ExpectedDeviceClass.init)
        }
    }
}
