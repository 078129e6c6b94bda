/// The files a snapshot holds besides the machine's own tree (docs/snapshot-format.md): named
/// here once, for the capture that writes them, the machine that reads them and `snapshot --list`.
public enum SnapshotLayout {
    public static let manifest = SnapshotManifest.fileName
    /// CPUID of every online CPU, in `cpuid -r`'s format.
    public static let cpuid = "cpuid.txt"
    /// The kernel log lines about Hyper-V, filtered.
    public static let kernelLog = "kernel.log"
    public static let msrDirectory = "msr"

    /// One CPU's synthetic MSRs: `msr/cpu3.txt`.
    public static func msr(cpu: String) -> String { msrDirectory + "/" + msrPrefix + cpu + msrSuffix }

    /// The CPU number of a file name in `msr/` (`cpu3.txt` is 3); nil for any other name.
    public static func msrCPU(fileName name: String) -> Int? {
        guard name.hasPrefix(msrPrefix), name.hasSuffix(msrSuffix) else { return nil }
        return Int(name.dropFirst(msrPrefix.count).dropLast(msrSuffix.count))
    }

    private static let msrPrefix = "cpu"
    private static let msrSuffix = ".txt"
}
