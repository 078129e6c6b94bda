import Testing

@testable import HyperVKit

/// The generation from the firmware the machine shows (reference §11.2), decided without reading.
@Suite struct VMGenerationTests {
    private let onPremises = HostEnvironment(kind: .onPremises, reason: "test")
    private let ide = VMGeneration.ideClass

    private func decide(efi: Bool, captured: Bool, arch: Architecture = .x86_64, classes: [String] = [])
        -> VMGeneration
    {
        VMGeneration.detect(
            firmware: .init(efi: efi, firmwareCaptured: captured, architecture: arch), environment: onPremises,
            vmbusClasses: classes)
    }

    @Test func uefiIsGeneration2() {
        #expect(decide(efi: true, captured: true).generation == 2)
    }

    @Test func biosIsGeneration1AndTheIDEControllerIsNamed() {
        #expect(decide(efi: false, captured: true).generation == 1)
        let withIDE = decide(efi: false, captured: true, classes: [ide])
        #expect(withIDE.generation == 1)
        #expect(withIDE.reason.contains("IDE controller"))
        // Without /sys/firmware, the IDE controller alone still says BIOS (only Generation 1 has it).
        #expect(decide(efi: false, captured: false, classes: [ide]).generation == 1)
    }

    /// A snapshot without /sys/firmware does not say "BIOS": unknown is never an answer.
    @Test func nothingCapturedIsUnknown() {
        let unknown = decide(efi: false, captured: false)
        #expect(unknown.generation == nil)
        #expect(unknown.reason.contains("not captured"))
    }

    @Test func arm64IsAlwaysGeneration2AndWSL2HasNone() {
        #expect(decide(efi: false, captured: false, arch: .aarch64).generation == 2)
        let wsl = VMGeneration.detect(
            firmware: .init(efi: false, firmwareCaptured: true, architecture: .x86_64),
            environment: HostEnvironment(kind: .wsl2, reason: "test"), vmbusClasses: [])
        #expect(wsl.generation == nil)
    }
}
