import HyperVKit

/// Placeholder until the live machine lands: the running system is read through the same
/// `RootFileReader` as snapshots.
public enum HyperVLiveVersion {
    public static let placeholder = true
}
