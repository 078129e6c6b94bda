/// The firmware's DMI strings under `/sys/class/dmi/id/` that say what kind of machine this is
/// (reference §11.2). Every field may be nil: DMI is absent on some arm64 guests and some
/// attributes are root-only on some kernels.
public struct DMIInfo: Sendable, Equatable {
    public var sysVendor: String?
    public var productName: String?
    public var chassisAssetTag: String?
    public var biosVendor: String?
    public var biosVersion: String?
    /// Attributes that exist but could not be read (so "not Azure" is not concluded from silence).
    public var unreadable: [String]
    /// Whether the DMI directory exists at all (a partial snapshot may not hold it).
    public var available: Bool = true

    public static let directory = "/sys/class/dmi/id"

    public init(
        sysVendor: String? = nil, productName: String? = nil, chassisAssetTag: String? = nil,
        biosVendor: String? = nil, biosVersion: String? = nil, unreadable: [String] = []
    ) {
        self.sysVendor = sysVendor
        self.productName = productName
        self.chassisAssetTag = chassisAssetTag
        self.biosVendor = biosVendor
        self.biosVersion = biosVersion
        self.unreadable = unreadable
    }

    /// Reads the attributes; a missing DMI directory is normal and gives no diagnostic.
    public static func read(from machine: any Machine) -> (DMIInfo, [Diagnostic]) {
        var info = DMIInfo()
        var diagnostics: [Diagnostic] = []
        info.available = machine.isDirectory(directory)
        func value(_ name: String) -> String? {
            let path = directory + "/" + name
            switch machine.attribute(at: path) {
            case .success(let text): return text.isEmpty ? nil : text
            case .failure(.absent): return nil
            case .failure(let failure):
                info.unreadable.append(name)
                if !failure.isPermissionDenied { diagnostics.append(.read(path, failure)) }
                return nil
            }
        }
        info.sysVendor = value("sys_vendor")
        info.productName = value("product_name")
        info.chassisAssetTag = value("chassis_asset_tag")
        info.biosVendor = value("bios_vendor")
        info.biosVersion = value("bios_version")
        return (info, diagnostics)
    }

    /// `Microsoft Corporation` / `Virtual Machine`: a Hyper-V virtual machine's firmware (§11.2).
    public var isHyperVFirmware: Bool {
        sysVendor == "Microsoft Corporation" && productName == "Virtual Machine"
    }
}

extension DMIInfo {
    /// The attributes that identify one machine (`drivers/firmware/dmi-id.c` makes them 0400): a
    /// capture replaces them whole and learns them so they are replaced everywhere else.
    public static let serialAttributes = ["product_serial", "product_uuid", "board_serial", "chassis_serial"]

    public static let sources: [MachineSource] = [
        MachineSource(directory, optional: true, reader: "DMIInfo", why: "a link to the firmware's DMI strings"),
        MachineSource(
            directory + "/{sys_vendor,product_name,chassis_asset_tag,bios_vendor,bios_version}", optional: true,
            reader: "DMIInfo",
            why: "Microsoft Corporation / Virtual Machine, and the asset tag that tells Azure from on-premises"),
        MachineSource(
            directory + "/{" + serialAttributes.joined(separator: ",") + "}", optional: true,
            rootOnly: true, redaction: .whole, reader: "DMIInfo",
            why: "serial numbers and the VM's UUID: captured replaced, learnt so they are replaced everywhere else"),
        MachineSource(
            directory + "/*", optional: true, reader: "DMIInfo",
            why: "the other DMI strings, kept for the engineer reading the snapshot"),
    ]
}
