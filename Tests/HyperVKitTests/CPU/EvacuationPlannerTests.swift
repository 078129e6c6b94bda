import Testing

@testable import HyperVKit

/// Issue 4: plans move every channel off the evacuated CPUs onto the least-loaded online
/// housekeeping CPUs, never onto an evacuated one, and stay balanced.
@Suite struct EvacuationPlannerTests {
    private func load(_ fixture: String) throws -> (VMBusState, CPUInventory, FixtureCopy) {
        let copy = try FixtureCopy(fixture)
        let machine = try copy.machine()
        return (VMBusReader.read(machine), CPUInventory.read(machine), copy)
    }

    @Test func movesEveryChannelOffAndNeverOntoAnEvacuatedCPU() throws {
        let (vmbus, cpus, _) = try load("azure-d8ds-v5")
        let evacuating: Set<Int> = [4, 5, 6, 7]
        let plan = try EvacuationPlanner.plan(evacuating: evacuating, allowed: nil, vmbus: vmbus, cpus: cpus).get()
        let onThem = vmbus.devices.flatMap(\.channels).filter { evacuating.contains($0.targetCPU ?? -1) }
        #expect(plan.moves.count == onThem.count)
        #expect(!plan.moves.isEmpty)
        for move in plan.moves {
            #expect(evacuating.contains(move.from))
            #expect(!evacuating.contains(move.to))
        }
    }

    /// Balanced: among the CPUs that received channels and carry only spread (performance)
    /// channels, max over mean stays close to 1, and no CPU gets two more than another.
    @Test(arguments: [[4, 5, 6, 7], [1, 2], [5]])
    func plansAreBalanced(_ evacuated: [Int]) throws {
        let (vmbus, cpus, _) = try load("azure-d8ds-v5")
        let plan = try EvacuationPlanner.plan(evacuating: Set(evacuated), allowed: nil, vmbus: vmbus, cpus: cpus).get()
        // CPU 0 carries every non-performance channel (reference §6.2), so it is left out of the spread.
        let loads = plan.destinations.filter { $0 != 0 }.map { plan.loadAfter[$0] ?? 0 }
        let mean = Double(loads.reduce(0, +)) / Double(loads.count)
        let maximum = Double(loads.max() ?? 0)
        #expect(maximum / mean <= 1.5, "loads \(loads)")
        #expect((loads.max() ?? 0) - (loads.min() ?? 0) <= 1, "loads \(loads)")
    }

    @Test func honoursTheAllowedTargets() throws {
        let (vmbus, cpus, _) = try load("azure-d8ds-v5")
        let plan = try EvacuationPlanner.plan(evacuating: [4, 5], allowed: [3], vmbus: vmbus, cpus: cpus).get()
        #expect(plan.moves.allSatisfy { $0.to == 3 })
    }

    @Test func noDestinationIsAnError() throws {
        let (vmbus, cpus, _) = try load("azure-d8ds-v5")
        let result = EvacuationPlanner.plan(evacuating: Set(0...7), allowed: nil, vmbus: vmbus, cpus: cpus)
        #expect(result == .failure(.noDestination(evacuating: Array(0...7))))
    }

    /// `isolcpus=managed_irq,…` CPUs are refused by the kernel (§3.4), so never planned.
    @Test func neverPlansOntoManagedIRQIsolatedCPUs() throws {
        let (vmbus, cpus, _) = try load("azure-d8ds-v5")
        var isolated = cpus
        for index in isolated.entries.indices where [1, 2, 3].contains(isolated.entries[index].cpu) {
            isolated.entries[index].managedIRQIsolated = true
        }
        let plan = try EvacuationPlanner.plan(evacuating: [4], allowed: nil, vmbus: vmbus, cpus: isolated).get()
        #expect(plan.moves.allSatisfy { ![1, 2, 3, 4].contains($0.to) })
    }
}

@Suite struct KernelCommandLineTests {
    @Test func parsesIsolcpusFlagsAndLists() {
        let line = KernelCommandLine.parse("ro quiet isolcpus=managed_irq,domain,2-3,6 nohz_full=2-3\n")
        #expect(line.isolated.cpus == [2, 3, 6])
        #expect(line.managedIRQIsolated.cpus == [2, 3, 6])
        #expect(line.nohzFull.cpus == [2, 3])
        let plain = KernelCommandLine.parse("isolcpus=1,5")
        #expect(plain.isolated.cpus == [1, 5])
        #expect(plain.managedIRQIsolated.isEmpty)
    }
}
