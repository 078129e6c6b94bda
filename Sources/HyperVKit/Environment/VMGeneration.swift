/// The Hyper-V VM generation, from the firmware type (reference §11.2): Generation 2 boots UEFI
/// (`/sys/firmware/efi` exists), Generation 1 a BIOS and offers the IDE controller on VMBus.
public struct VMGeneration: Sendable, Equatable, Codable {
    /// 1 or 2; nil when it does not apply (WSL2, not Hyper-V) or cannot be told.
    public var generation: Int?
    public var reason: String

    public init(generation: Int?, reason: String) {
        self.generation = generation
        self.reason = reason
    }

    /// IDE controller class (reference §4): offered only to Generation 1 VMs.
    static let ideClass = "32412632-86cb-44a2-9b5c-50d1417354f5"

    /// What the machine shows of its firmware: the one read the decision needs.
    public struct FirmwareEvidence: Sendable, Equatable {
        /// `/sys/firmware/efi` exists.
        public var efi: Bool
        /// `/sys/firmware` was there to look at (a partial snapshot may lack it).
        public var firmwareCaptured: Bool
        public var architecture: Architecture?

        public init(efi: Bool, firmwareCaptured: Bool, architecture: Architecture?) {
            self.efi = efi
            self.firmwareCaptured = firmwareCaptured
            self.architecture = architecture
        }

        public static func read(_ machine: any Machine) -> FirmwareEvidence {
            FirmwareEvidence(
                efi: machine.isDirectory(efiDirectory), firmwareCaptured: machine.isDirectory(firmwareDirectory),
                architecture: machine.architecture)
        }
    }

    public static func detect(
        firmware: FirmwareEvidence, environment: HostEnvironment, vmbusClasses: [String]
    ) -> VMGeneration {
        switch environment.kind {
        case .notHyperV:
            return VMGeneration(generation: nil, reason: "not a Hyper-V guest")
        case .wsl2:
            return VMGeneration(
                generation: nil, reason: "WSL2's utility VM boots its kernel directly, without firmware")
        default:
            break
        }
        if firmware.architecture == .aarch64 {
            return VMGeneration(generation: 2, reason: "arm64 Hyper-V VMs are always UEFI (Generation 2)")
        }
        let hasIDE = vmbusClasses.contains(ideClass)
        if firmware.efi {
            return VMGeneration(generation: 2, reason: "UEFI firmware (\(efiDirectory) exists)")
        }
        guard firmware.firmwareCaptured || hasIDE else {
            return VMGeneration(generation: nil, reason: firmwareDirectory + " was not captured")
        }
        let evidence =
            hasIDE
            ? "BIOS firmware (no \(efiDirectory)) and an IDE controller on VMBus"
            : "BIOS firmware (no \(efiDirectory))"
        return VMGeneration(generation: 1, reason: evidence)
    }
}

extension VMGeneration {
    public static let firmwareDirectory = "/sys/firmware"
    public static let efiDirectory = firmwareDirectory + "/efi"

    public static let sources: [MachineSource] = [
        MachineSource(
            firmwareDirectory, .directory, optional: true, redaction: .none, reader: "VMGeneration",
            why: "kept even when empty: a BIOS machine has it without efi"),
        MachineSource(
            efiDirectory, .directory, optional: true, redaction: .none, reader: "VMGeneration",
            why: "UEFI firmware, so a Generation 2 VM"),
        MachineSource(
            efiDirectory + "/fw_platform_size", optional: true, redaction: .none, reader: "VMGeneration",
            why: "64 or 32-bit UEFI, kept for the engineer reading the snapshot"),
        MachineSource(
            firmwareDirectory + "/acpi/pm_profile", optional: true, redaction: .none, reader: "VMGeneration",
            why:
                "ACPI's power profile: a file that keeps /sys/firmware of a BIOS machine where empty directories are lost"
        ),
    ]
}
