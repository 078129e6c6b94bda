/// Reads sysfs attributes and turns every failure into nil plus at most one diagnostic, so one bad
/// attribute never aborts a listing (style.md; lsvmbus dies with an IndexError instead).
struct AttributeReader {
    let machine: any Machine
    var diagnostics: [Diagnostic] = []

    /// Whether an absent attribute is normal (hidden monitor attributes, older kernels) or worth a
    /// diagnostic.
    enum Presence {
        case required, optional
    }

    init(machine: any Machine) {
        self.machine = machine
    }

    /// The attribute's text without the trailing newline, or nil.
    mutating func text(_ path: String, _ presence: Presence = .required) -> String? {
        switch machine.attribute(at: path) {
        case .success(let value):
            return value
        case .failure(.absent):
            if presence == .required { diagnostics.append(Diagnostic(path: path, message: "\(path) is missing")) }
            return nil
        case .failure(let failure):
            diagnostics.append(.read(path, failure))
            return nil
        }
    }

    /// A decimal attribute (`%d`, `%u`, `%llu`).
    mutating func int(_ path: String, _ presence: Presence = .required) -> Int? {
        guard let value = text(path, presence) else { return nil }
        guard let number = Int(value) else { return garbage(path, value) }
        return number
    }

    mutating func uint64(_ path: String, _ presence: Presence = .required) -> UInt64? {
        guard let value = text(path, presence) else { return nil }
        guard let number = UInt64(value) else { return garbage(path, value) }
        return number
    }

    /// A `0x%x` attribute (`vendor`, `device`).
    mutating func hex(_ path: String, _ presence: Presence = .required) -> Int? {
        guard let value = text(path, presence) else { return nil }
        guard value.hasPrefix("0x"), let number = Int(value.dropFirst(2), radix: 16) else {
            return garbage(path, value)
        }
        return number
    }

    /// Reads without recording anything: for a caller that decides itself what a failure means.
    func raw(_ path: String) -> Result<String, ReadFailure> {
        machine.attribute(at: path)
    }

    mutating func note(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    private mutating func garbage<T>(_ path: String, _ value: String) -> T? {
        let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
        diagnostics.append(Diagnostic(path: path, message: "\(path): not a number: \"\(shown)\""))
        return nil
    }
}
