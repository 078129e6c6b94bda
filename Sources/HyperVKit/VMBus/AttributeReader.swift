/// Reads sysfs attributes and turns every failure into nil plus at most one diagnostic, so one bad
/// attribute never aborts a listing (docs/architecture.md ("Style"); lsvmbus dies with an IndexError instead).
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
            diagnostics.append(readFailure(path, failure))
            return nil
        }
    }

    /// A decimal attribute (`%d`, `%u`, `%llu`).
    mutating func int(_ path: String, _ presence: Presence = .required) -> Int? {
        text(path, presence).flatMap { number($0, path: path) }
    }

    mutating func uint64(_ path: String, _ presence: Presence = .required) -> UInt64? {
        text(path, presence).flatMap { number($0, path: path) }
    }

    /// Parses decimal text already read from `path`; nil plus a diagnostic when it is empty, not a
    /// number, or a number too large for the type (no 6.1 attribute prints more than `%llu`).
    mutating func number<T: FixedWidthInteger>(_ value: String, path: String) -> T? {
        if let number = T(value) { return number }
        return garbage(path, value)
    }

    /// A diagnostic for a failed read. On a snapshot, "run as root" would not help: the capture
    /// could not read the file.
    func readFailure(_ path: String, _ failure: ReadFailure) -> Diagnostic {
        guard failure.isPermissionDenied, machine.isCapture else { return .read(path, failure) }
        return .read(path, failure, hint: "the capture recorded it unreadable")
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
        let digits = value.drop { $0 == "-" }
        let message: String
        if value.isEmpty {
            message = "\(path) is empty"
        } else if !digits.isEmpty && digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            message = "\(path): number out of range: \"\(shown)\""
        } else {
            message = "\(path): not a number: \"\(shown)\""
        }
        diagnostics.append(Diagnostic(path: path, message: message))
        return nil
    }
}
