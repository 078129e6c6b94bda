/// Takes a CPU offline by writing 0 to its online file through the writer seam, and says what the
/// kernel answered (reference §6.1: EBUSY from `hv_synic_cleanup()` when a channel still targets
/// the CPU or an event is pending).
public enum CPUOffliner {
    public enum Result: Sendable, Equatable, CustomStringConvertible {
        case done
        /// EBUSY: a channel still targets the CPU, or a channel event is pending.
        case busy
        case refused(ReadFailure)

        public var description: String {
            switch self {
            case .done: return "done"
            case .busy:
                return
                    "the kernel refused (EBUSY): a channel still targets it or a channel event is pending; retry in a moment"
            case .refused(let failure): return "the kernel refused: \(failure)"
            }
        }
    }

    public static func offline(_ cpu: Int, writer: any SysfsWriter) -> Result {
        switch writer.write("0\n", to: CPUTopology.onlineFile(cpu: cpu)) {
        case .success: return .done
        case .failure(.unreadable(.EBUSY)): return .busy
        case .failure(let failure): return .refused(failure)
        }
    }
}
