/// Every source hvctl reads, gathered from the readers that declare them (`MachineSource`): what
/// `hvctl snapshot` captures and `hvctl snapshot --list` prints. A reader that starts reading a new
/// file adds it to its own `sources`; nothing else lists paths.
public enum SourceCatalog {
    /// The machine's own: what a live `Machine` reads to say what it is, and the registers.
    public static let machine: [MachineSource] = [
        MachineSource(
            kernelSysctlDirectory + "/{osrelease,arch}", .redactionOnly, redaction: .none, reader: "Machine",
            why: "uname -r and -m of a --root tree (written into the manifest, not as files)"),
        MachineSource(
            versionPath, .redactionOnly, redaction: .none, reader: "Machine",
            why: "the kernel release of a --root tree without /proc/sys/kernel/osrelease"),
        MachineSource(
            hostnamePath, .redactionOnly, redaction: .none, reader: "Redactor",
            why: "the host name, learnt so that it is replaced wherever it appears"),
        MachineSource(
            cpuDevicePath("*", "cpuid"), .registers, redaction: .none, reader: "CPUIDDevices",
            why: "CPUID of every online CPU, leaves 0x0, 0x1 and 0x40000000 up (cpuid.txt); executed directly when live"
        ),
        MachineSource(
            cpuDevicePath("*", "msr"), .registers, rootOnly: true, redaction: .none,
            reader: "MSRDevices", why: "the synthetic MSRs of every CPU (msr/cpuN.txt; modprobe msr, root)"),
    ]

    /// What no command reads but a capture keeps for the engineer who reads the snapshot by eye,
    /// as sos's hyperv plugin collects it: every other attribute of the VMBus devices and their
    /// channels, the drivers' directories, and `/sys/hypervisor`.
    public static let support: [MachineSource] = [
        MachineSource(
            VMBusReader.devicesDirectory + "/*/*", optional: true, reader: "snapshot",
            why: "the rest of each device's attributes (client/server monitor, ring indices, uevent)"),
        MachineSource(
            VMBusReader.devicesDirectory + "/*/channels/*/*", optional: true, reader: "snapshot",
            why: "the rest of each channel's attributes"),
        MachineSource(
            KernelSupportReader.driversDirectory + "/*/*", optional: true, reader: "KernelSupportReader",
            why: "the VMBus drivers registered and the devices bound to each (links)"),
        MachineSource(
            hypervisorDirectory + "/uuid", optional: true, redaction: .whole, reader: "snapshot",
            why: "the hypervisor's UUID, where the kernel publishes one: replaced"),
        MachineSource(
            hypervisorDirectory + "/*", optional: true, reader: "snapshot",
            why: "what the kernel publishes about the hypervisor (Xen fills it; Hyper-V usually leaves it empty)"),
        MachineSource(
            hypervisorDirectory + "/*/*", optional: true, reader: "snapshot",
            why: "the same, one directory down (Xen's properties/, version/)"),
    ]

    /// The root of sysfs: a capture keeps links only within it, and a snapshot without it holds no
    /// sysfs at all (so an absent file there is "not captured", not "not there").
    public static let sysfsRoot = "/sys"
    public static let hypervisorDirectory = sysfsRoot + "/hypervisor"
    /// `kernel.*` sysctls: the release and architecture a `--root` tree's kernel reports.
    public static let kernelSysctlDirectory = "/proc/sys/kernel"
    public static let osReleasePath = kernelSysctlDirectory + "/osrelease"
    public static let archPath = kernelSysctlDirectory + "/arch"
    /// `/proc/version`, whose third word is the release when osrelease is missing.
    public static let versionPath = "/proc/version"
    /// The guest's host name, learnt before anything is written so it is replaced everywhere.
    public static let hostnamePath = kernelSysctlDirectory + "/hostname"
    /// `/dev/cpu/<N>/{cpuid,msr}` (the cpuid and msr drivers).
    public static let cpuDeviceDirectory = "/dev/cpu"

    /// One CPU's device file: `cpuDevicePath("3", "msr")` is `/dev/cpu/3/msr`.
    public static func cpuDevicePath(_ cpu: String, _ device: String) -> String {
        cpuDeviceDirectory + "/" + cpu + "/" + device
    }

    /// Every declaration, in the order `snapshot --list` prints them.
    public static let all: [MachineSource] =
        VMBusReader.sources + CPUTopology.sources + CPUInventory.sources
        + ClockSource.sources + DMIInfo.sources + VMGeneration.sources + IdentityEvidenceReader.sources
        + KernelConfigReader.sources + KernelModuleReader.sources + ProcInterrupts.sources
        + KernelCommandLine.sources + KernelLogSource.sources + machine + support

    /// Whether reading `path` is declared: the path is a source or a directory on the way to one.
    public static func declares(_ path: String) -> Bool {
        path == "/" || all.contains { $0.matches(path) || $0.passesThrough(path) }
    }
}
