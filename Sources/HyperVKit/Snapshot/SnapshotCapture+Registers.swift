extension SnapshotCapture {
    /// The online CPUs, the CPUs CPUID and MSRs are read on: `/sys/devices/system/cpu/online`, or
    /// what else holds the list (`CPUTopology.read`: a snapshot's register captures). Without a
    /// list nothing is read: a capture without `/sys` (a pasted log given as `--root`) has no CPU to
    /// ask, and guessing CPU 0 would capture the CPU hvctl runs on instead.
    func onlineCPUs() -> [Int]? {
        CPUTopology.read(from: machine).0.online?.cpus
    }

    /// `cpuid.txt` (`cpuid -r` format): per online CPU, leaves 0x0 and 0x1 and the hypervisor leaves
    /// `HypervisorLeafReader` reads (0x40000000 to its maximum, 0x40000080-0x40000082 where VS#1
    /// answers, 0x40000100). A CPU whose leaf 0 fails is listed under `unreadable` as its cpuid
    /// device (`dev/cpu/<N>/cpuid`).
    func captureCPUID() throws(ReadFailure) {
        guard machine.architecture == .x86_64 else { return }
        guard let cpus = onlineCPUs() else {
            remarks.append("no CPUID: the online CPU list could not be read")
            return
        }
        var dump = CPUIDDump()
        for cpu in cpus {
            var leaves: [CPUIDDump.Key: CPUIDRegisters] = [:]
            switch machine.cpuid(leaf: 0, subleaf: 0, cpu: cpu) {
            case .success(let registers): leaves[CPUIDDump.Key(leaf: 0, subleaf: 0)] = registers
            case .failure(.absent): continue
            case .failure(let failure):
                record(SourceCatalog.cpuDevicePath(String(cpu), "cpuid"), failure)
                continue
            }
            if case .success(let registers) = machine.cpuid(leaf: 1, subleaf: 0, cpu: cpu) {
                leaves[CPUIDDump.Key(leaf: 1, subleaf: 0)] = registers
            }
            for (leaf, set) in HypervisorLeafReader.read(machine, cpu: cpu).leaves {
                guard let eax = set.eax, let ebx = set.ebx, let ecx = set.ecx, let edx = set.edx else { continue }
                leaves[CPUIDDump.Key(leaf: leaf, subleaf: 0)] = CPUIDRegisters(eax: eax, ebx: ebx, ecx: ecx, edx: edx)
            }
            dump.cpus[cpu] = leaves
        }
        if dump.cpus.isEmpty {
            remarks.append("no CPUID on the \(machine.kind)")
            return
        }
        try tree.write(SnapshotLayout.cpuid, Array(dump.render().utf8))
    }

    /// `msr/cpu<N>.txt`: the MSRs of `SnapshotMSRs` on every online CPU (x86 only: arm64 has none a
    /// user can read, reference §2.5), each a value or its errno name, as docs/snapshot-format.md writes
    /// them (a capture without CAP_SYS_RAWIO keeps one EPERM line per MSR, so a replay answers each
    /// read as the machine did). A missing device (the msr driver is not loaded) gets a remark.
    /// Failures without an errno (a refusal, a short read from a file tree) are left out.
    func captureMSRs() throws(ReadFailure) {
        guard machine.architecture == .x86_64, let cpus = onlineCPUs() else { return }
        let indices = SnapshotMSRs.indices()
        var missing: [Int] = []
        for cpu in cpus {
            var dump = MSRDump()
            for index in indices {
                let result = machine.msr(index, cpu: cpu)
                switch result {
                case .success: dump.values[index] = result
                case .failure(.unreadable(let code)) where code != .ENOENT: dump.values[index] = result
                case .failure: continue
                }
            }
            if dump.values.isEmpty {
                missing.append(cpu)
            } else {
                try tree.write(SnapshotLayout.msr(cpu: String(cpu)), Array(dump.render().utf8))
            }
        }
        if !missing.isEmpty {
            remarks.append("no MSRs on CPUs \(CPUList(missing)) (on a live system: modprobe msr)")
        }
    }
}
