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
        /// As written in the file, for messages.
        public var name: String
        /// Lower case, no braces.
        public var guid: String

        public init(name: String, guid: String) {
            self.name = name
            self.guid = guid
        }

        /// A short name (`nic`), an lsvmbus label or a GUID; nil for an unknown name.
        public static func resolve(_ text: String) -> ExpectedDeviceClass? {
            if let known = DeviceClassCatalog.resolve(text) {
                return ExpectedDeviceClass(name: known.shortName, guid: known.guid)
            }
            let guid = GUIDText.normalized(text)
            guard guid.utf8.count == 36, guid.utf8.allSatisfy({ ASCII.isGUIDByte($0) }) else { return nil }
            return ExpectedDeviceClass(name: guid, guid: guid)
        }
    }
}
