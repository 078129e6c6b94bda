internal import CAffinity
internal import CLibCpuid
import HyperVKit

/// CPUID on the running CPUs, through libcpuid's `cpu_exec_cpuid_ext` (build-notes.md).
///
/// CPUID answers for the CPU it executes on, and some hypervisor leaves differ per virtual processor,
/// so each call pins the calling thread to the requested CPU, checks with sched_getcpu that it really
/// runs there, executes, and restores the thread's previous affinity, all synchronously (pinning
/// affects only the calling thread). A CPU that cannot be pinned to gives a failure, never another
/// CPU's answer.
enum LiveCPUID {
    /// Whether this architecture has a CPUID instruction (arm64 has none, reference §1.13).
    static var isAvailable: Bool {
        #if arch(x86_64)
            return true
        #else
            return false
        #endif
    }

    /// One leaf/subleaf as `cpu` sees it; `absent` without CPUID.
    static func execute(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure> {
        #if arch(x86_64)
            return onCPU(cpu) {
                // cpu_exec_cpuid_ext loads EAX, EBX, ECX, EDX from regs[0...3] and stores the results back.
                var regs: [UInt32] = [leaf, 0, subleaf, 0]
                regs.withUnsafeMutableBufferPointer { buffer in
                    if let base = buffer.baseAddress { cpu_exec_cpuid_ext(base) }
                }
                return CPUIDRegisters(eax: regs[0], ebx: regs[1], ecx: regs[2], edx: regs[3])
            }
        #else
            return .failure(.absent)
        #endif
    }

    /// Runs `body` with the calling thread pinned to `cpu`, then restores the thread's affinity.
    ///
    /// Fails with the errno of sched_setaffinity (EINVAL for an offline or absent CPU), or with EINVAL
    /// when sched_getcpu reports another CPU after pinning.
    static func onCPU<T>(_ cpu: Int, _ body: () -> T) -> Result<T, ReadFailure> {
        guard let target = Int32(exactly: cpu), target >= 0 else { return .failure(.unreadable(.EINVAL)) }
        var saved = hvctl_affinity_t()
        let saveError = hvctl_affinity_save(&saved)
        guard saveError == 0 else { return .failure(.unreadable(Errno(saveError))) }
        // Restoring a mask the kernel just handed out only fails if every CPU in it went offline
        // meanwhile; the answer is still right then, so the error is not reported.
        defer { _ = hvctl_affinity_restore(&saved) }
        let pinError = hvctl_affinity_pin(target)
        guard pinError == 0 else { return .failure(.unreadable(Errno(pinError))) }
        guard hvctl_current_cpu() == target else { return .failure(.unreadable(.EINVAL)) }
        let value = body()
        // The thread cannot leave a single-CPU mask, but a wrong-CPU answer must never escape.
        guard hvctl_current_cpu() == target else { return .failure(.unreadable(.EINVAL)) }
        return .success(value)
    }

    /// The CPU the calling thread runs on now, or nil when sched_getcpu fails.
    static func currentCPU() -> Int? {
        let cpu = hvctl_current_cpu()
        return cpu >= 0 ? Int(cpu) : nil
    }
}
