import HyperVKit

/// Takes a CPU offline by writing 0 to `/sys/devices/system/cpu/cpu<N>/online`, and says what the
/// kernel answered (reference §6.1: EBUSY from `hv_synic_cleanup()` when a channel still targets
/// the CPU or an event is pending).
public enum OfflineWriter {
    public static func offline(_ cpu: Int, root: String) -> String {
        let writer: RootSysfsWriter
        do {
            writer = try RootSysfsWriter(root: root)
        } catch {
            return "cannot open \(root): \(error)"
        }
        switch writer.write("0\n", to: "/sys/devices/system/cpu/cpu\(cpu)/online") {
        case .success: return "done"
        case .failure(.unreadable(.EBUSY)):
            return
                "the kernel refused (EBUSY): a channel still targets it or a channel event is pending; retry in a moment"
        case .failure(let failure): return "the kernel refused: \(failure)"
        }
    }
}
