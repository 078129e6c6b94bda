/// A device class as a person names it: one parser for `--class`, `vmbus.expected_devices` and
/// every other place a class is written (issue 14: one vocabulary). Accepted: a short name of the
/// catalogue (`nic`, `scsi`), `hv_sock` for AF_VSOCK service offers (reference §3.7), an lsvmbus
/// label or its bracket-less name, any of these with `-` for `_`, in any case, or a class GUID.
public enum DeviceClassSelector: Sendable, Hashable {
    case known(DeviceClass)
    /// Every hv_sock offer: their class GUIDs differ per service port, so only the suffix matches.
    case vsock
    /// A class the catalogue does not list, by GUID (lower case, no braces).
    case guid(String)

    /// The identifier of hv_sock offers, printed wherever a class short name is.
    public static let vsockIdentifier = "hv_sock"

    public static func parse(_ text: String) -> DeviceClassSelector? {
        let wanted = text.lowercased().replacingHyphens()
        if wanted == vsockIdentifier { return .vsock }
        if let known = DeviceClassCatalog.lookup(guid: text) { return .known(known) }
        if let known = DeviceClassCatalog.all.first(where: {
            $0.shortName == wanted || $0.lsvmbusLabel.lowercased() == text.lowercased()
                || $0.name.lowercased() == text.lowercased()
        }) {
            return .known(known)
        }
        let guid = GUIDText.normalized(text)
        guard guid.utf8.count == 36, guid.utf8.allSatisfy({ ASCII.isGUIDByte($0) }) else { return nil }
        return .guid(guid)
    }

    public func matches(classID: String?) -> Bool {
        guard let classID else { return false }
        switch self {
        case .known(let deviceClass): return GUIDText.normalized(classID) == deviceClass.guid
        case .vsock: return DeviceClassCatalog.isVsockService(classID)
        case .guid(let guid): return GUIDText.normalized(classID) == guid
        }
    }

    /// How output writes it: the short name, `hv_sock`, or the GUID.
    public var identifier: String {
        switch self {
        case .known(let deviceClass): return deviceClass.shortName
        case .vsock: return Self.vsockIdentifier
        case .guid(let guid): return guid
        }
    }

    /// Every accepted short name, for help, errors and shell completion.
    public static var identifiers: [String] { DeviceClassCatalog.all.map(\.shortName) + [vsockIdentifier] }
}

extension VMBusDevice {
    /// The class's identifier as every output writes it (text tables, JSON `class`, metrics
    /// labels): the catalogue's short name, `hv_sock` for an AF_VSOCK offer, nil for an unknown
    /// class.
    public var classIdentifier: String? {
        if let deviceClass { return deviceClass.shortName }
        if let classID, DeviceClassCatalog.isVsockService(classID) { return DeviceClassSelector.vsockIdentifier }
        return nil
    }

    /// `classIdentifier`, else the class GUID, else `unknown` (a missing `class_id`): never empty.
    public var classLabel: String { classIdentifier ?? classID ?? "unknown" }

    /// The device in a summary line: its `classLabel` and the first eight digits of its instance
    /// GUID, `nic 000d3a7c`. Every summary (offline-check, health, evacuation) names a device so.
    public var briefName: String { Self.briefName(classLabel: classLabel, deviceID: deviceID) }

    /// `briefName` for a value that kept only the label and the ID (a blocker, a planned move).
    public static func briefName(classLabel: String, deviceID: String) -> String {
        "\(classLabel) \(deviceID.prefix(8))"
    }
}

extension String {
    fileprivate func replacingHyphens() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "-" ? "_" : $0 }))
    }
}
