import Testing

@testable import HyperVKit

/// Issue 13, item 9: what newer kernels add, each from the mainline source it cites.
@Suite struct NewerKernelFactsTests {
    /// Mainline drivers/hv/Kconfig: HYPERV_VMBUS builds hv_vmbus; MSHV_ROOT, MSHV_VTL, HYPERV_VTL_MODE.
    @Test func newerKernelOptions() throws {
        for (name, module, kind) in [
            ("CONFIG_HYPERV_VMBUS", "hv_vmbus", HyperVKernelOption.Kind.tristate),
            ("CONFIG_MSHV_ROOT", "mshv_root", .tristate), ("CONFIG_MSHV_VTL", "mshv_vtl", .tristate),
        ] {
            let option = try #require(HyperVKernelOptionCatalog.all.first { $0.name == name })
            #expect(option.module == module && option.kind == kind && option.kconfig == "drivers/hv/Kconfig")
        }
        let vtl = try #require(HyperVKernelOptionCatalog.all.first { $0.name == "CONFIG_HYPERV_VTL_MODE" })
        #expect(vtl.kind == .bool && vtl.architectures == [.x86_64])
        // A 6.1 config has none of them: they are reported absent, and hv_vmbus is read once.
        let report = KernelSupportReportBuilder.build(
            KernelSupportReader.read(try SnapshotMachine(path: CaptureFixtures.path("custom-kernel"))))
        #expect(report.options.first { $0.option.name == "CONFIG_HYPERV_VMBUS" }?.value == nil)
    }

    /// mainline hvgdk_mini.h `union hv_synic_sirbp`: enable bit 0, base GPA in bits 63:12.
    @Test func sirbpIsDecoded() throws {
        let sirbp = try #require(MSRCatalog.msr(at: 0x4000_0085))
        #expect(sirbp.name == "SIRBP")
        #expect(MSRSafety.isSafeToRead(0x4000_0085))
        #expect(!sirbp.readByDefault)
        let decoded = MSRDecoder.decode(sirbp, value: 0x0000_0012_3456_7001)
        #expect(decoded.summary == "enabled, page 0x1234567000")
    }

    /// Mainline vmbus_devs[] allows vPCI in isolated VMs; 6.1 does not.
    @Test func vpciInIsolatedVMs() throws {
        let pci = try #require(DeviceClassCatalog.all.first { $0.shortName == "pci" })
        #expect(!pci.allowedInIsolatedVM && pci.allowedInIsolatedVMNewerKernels)
        let scsi = try #require(DeviceClassCatalog.all.first { $0.shortName == "scsi" })
        #expect(scsi.allowedInIsolatedVM && scsi.allowedInIsolatedVMNewerKernels)
    }

    /// The mainline L1VH line, recognised and flagged.
    @Test func l1vhLine() {
        let facts = KernelLogParser.parse(["[    0.000000] Hyper-V: running as L1VH partition"])
        #expect(facts.runningAsL1VHPartition && !facts.runningAsRootPartition)
    }
}
