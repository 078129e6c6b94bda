/// What the reference and the kernel say about VMBus protocol versions: the constants (§5.1), the
/// order Linux tries them in (§5.2) and the host builds a version can be paired with (§5.1, §8).
public enum VMBusProtocolFacts {
    // The constants of `include/linux/hyperv.h` (reference §5.1).
    public static let win8 = VMBusVersion(major: 2, minor: 4)
    public static let win81 = VMBusVersion(major: 3, minor: 0)
    public static let win10 = VMBusVersion(major: 4, minor: 0)
    public static let win10V41 = VMBusVersion(major: 4, minor: 1)
    public static let win10V5 = VMBusVersion(major: 5, minor: 0)
    public static let win10V51 = VMBusVersion(major: 5, minor: 1)
    public static let win10V52 = VMBusVersion(major: 5, minor: 2)
    public static let win10V53 = VMBusVersion(major: 5, minor: 3)
    public static let win10V60 = VMBusVersion(major: 6, minor: 0)

    /// `vmbus_versions[]` of 6.1 (`drivers/hv/connection.c`), newest first: the guest tries each in
    /// turn, skipping those above `max_version`, and keeps the first the host accepts (§5.2).
    public static let linux61Order: [VMBusVersion] = [
        win10V53, win10V52, win10V51, win10V5, win10V41, win10, win81, win8,
    ]

    /// An isolated (confidential) VM refuses anything older (`vmbus_connect()`, §5.2).
    public static let isolatedMinimum = win10V52

    /// The kernel release that first negotiated 5.3 ("Introduce and negotiate VMBus protocol
    /// version 5.3", hyperv-next for 5.13-rc1, §5.1).
    static let first53Kernel = KernelRelease(major: 5, minor: 13)
    /// The release that enabled 4.1, 5.1 and 5.2 (Nov 2019 commit, "since 5.5" in §5.1).
    static let first52Kernel = KernelRelease(major: 5, minor: 5)
    static let baselineKernel = KernelRelease(major: 6, minor: 1)

    /// The oldest kernel that can have negotiated `version` (issue 13, implied facts): 5.3 only since
    /// 5.13, 4.1, 5.1 and 5.2 only since 5.5 (§5.1). nil where the reference gives no release (the
    /// older versions, and 6.0).
    public static func minimumKernel(negotiating version: VMBusVersion) -> KernelRelease? {
        switch version {
        case win10V53: return first53Kernel
        case win10V52, win10V51, win10V41: return first52Kernel
        default: return nil
        }
    }

    /// The versions a guest kernel tries, newest first, as far as the reference states them; nil
    /// for a kernel older than 5.5, whose list the reference does not give.
    ///
    /// - 5.5 up to 5.12: 6.1's list without 5.3 (older kernels may also try 1.1 and 0.13 last,
    ///   which the reference does not state; no host this tool pairs offers less than 2.4).
    /// - 5.13 and newer: 6.1's list. Kernels with VMBus 6.0 put it in front (§5.2) and default
    ///   `max_version` to 6.0 (§3.1), so 6.0 is added for a kernel newer than 6.1 whose cap is 6.0
    ///   or more; the reference gives no release number for 6.0.
    public static func guestOrder(kernel: KernelRelease, cap: VMBusVersion?) -> [VMBusVersion]? {
        if kernel < first52Kernel { return nil }
        if kernel < first53Kernel { return linux61Order.filter { $0 != win10V53 } }
        if kernel > baselineKernel, let cap, cap >= win10V60 { return [win10V60] + linux61Order }
        return linux61Order
    }

    /// One pairing of a host build with the newest VMBus version that host offers.
    public struct HostPairing: Sendable, Hashable {
        public let build: UInt32
        /// The release as reference §8 names it.
        public let release: String
        public let version: VMBusVersion
    }

    /// Only the pairs the reference states (§5.1's constant comments, §8's consistency checks).
    /// Builds it does not pair are not guessed, and neither is a build newer than 20348: §8 warns
    /// that Windows 11 21H2 (22000) has been seen negotiating 5.2. Two stated pairs are left out
    /// on purpose: WS2008 (0.13) and Windows 7 / WS2008 R2 (1.1), whose builds the reference knows
    /// only from third-party lists and which Linux no longer negotiates; and RS3 (16299) with 4.1,
    /// because 5.0 is openvmm's `Win10Rs3_1` (§5.1), so an RS3 host may offer 5.0, which the guest
    /// tries before 4.1.
    public static let hostPairings: [HostPairing] = [
        HostPairing(build: 9200, release: "Windows Server 2012", version: win8),
        HostPairing(build: 9600, release: "Windows Server 2012 R2", version: win81),
        HostPairing(build: 14393, release: "Windows Server 2016", version: win10),
        HostPairing(build: 17134, release: "Windows 10 1803 (RS4)", version: win10V51),
        HostPairing(build: 17763, release: "Windows Server 2019", version: win10V52),
        HostPairing(build: 20348, release: "Windows Server 2022", version: win10V53),
    ]

    public static func pairing(forBuild build: UInt32) -> HostPairing? {
        hostPairings.first { $0.build == build }
    }
}
