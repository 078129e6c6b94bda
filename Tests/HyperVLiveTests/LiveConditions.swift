import HyperVKit

@testable import HyperVLive

/// What the live tests need from the machine they run on; a test whose condition fails is skipped.
enum LiveConditions {
    /// /proc/cpuinfo lists the `hypervisor` flag (CPUID.1:ECX[31]), so leaf 0x40000000 is meaningful.
    static var isVirtualMachine: Bool {
        guard LiveCPUID.isAvailable, let machine = try? LiveMachine(),
            case .success(let cpuinfo) = machine.text(at: "/proc/cpuinfo")
        else { return false }
        return cpuinfo.split(separator: "\n").contains { line in
            line.hasPrefix("flags") && line.split(separator: " ").contains("hypervisor")
        }
    }

    /// The kernel log can be read here (root, or CAP_SYSLOG, or dmesg_restrict=0).
    static var kernelLogIsReadable: Bool {
        guard let machine = try? LiveMachine(), case .success(let lines) = machine.kernelLog() else { return false }
        return !lines.isEmpty
    }

    /// The CPUs this thread may run on, from /proc/thread-self/status `Cpus_allowed_list`.
    static func allowedCPUs() -> [Int]? {
        guard let machine = try? LiveMachine(),
            case .success(let status) = machine.text(at: "/proc/thread-self/status"),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") })
        else { return nil }
        return CPUList(parsing: String(line.dropFirst("Cpus_allowed_list:".count)))?.cpus
    }
}
