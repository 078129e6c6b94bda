/// One thing hvctl reads from a machine, declared once, beside the reader that reads it
/// (issue 16). `SourceCatalog` collects every declaration: `hvctl snapshot` captures their union,
/// `hvctl snapshot --list` prints them, and a test runs every command on every fixture through a
/// recording machine to check that nothing undeclared is read.
///
/// `pattern` is a machine path as hvctl reads it (through the links sysfs has, so
/// `/sys/bus/vmbus/devices/*/channels/*/cpu`, not where the link leads). A component may hold `*`
/// (any run of characters but `/`) and one `{a,b,c}` group of alternatives.
public struct MachineSource: Sendable, Hashable, Encodable {
    /// How the source is read and so how a capture keeps it.
    public enum Form: String, Sendable, Hashable, Encodable {
        /// A sysfs attribute or link: text of at most a page; a link is kept when it stays in /sys.
        case attribute
        /// A directory kept even when empty: that it exists says something.
        case directory
        /// A /proc or /var file of text, at most `RootFileReader.defaultLimit`; links not followed.
        case text
        /// The kernel config: only the lines of the Hyper-V options are kept.
        case kernelConfig = "kernel_config"
        /// A KVP pool (binary records, reference §11.1): keys kept, values redacted.
        case kvpPool = "kvp_pool"
        /// The kernel log (`/dev/kmsg`, or `dmesg`'s text): kept filtered to the lines hvctl reads.
        case kernelLog = "kernel_log"
        /// Registers read by instruction or device file (CPUID, MSRs): kept as dumps.
        case registers
        /// Read to learn what to redact and never written into a snapshot.
        case redactionOnly = "redaction_only"
    }

    /// What a capture removes from the source before writing it.
    public enum Redaction: String, Sendable, Hashable, Encodable {
        /// Nothing: the value carries no name or address.
        case none
        /// The host name, addresses, MACs, the VM ID and the serials learnt from the machine are
        /// replaced wherever they appear in the text.
        case names
        /// The whole value is replaced (a serial number, a UUID).
        case whole
        /// KVP values are replaced, keys kept.
        case values
    }

    public let pattern: String
    public let form: Form
    /// Absent on many guests (an older kernel, a driver not loaded, a Gen 1 VM): not a problem.
    public let optional: Bool
    /// Readable by root only (mode 0400, a privileged device file, `dmesg_restrict`).
    public let rootOnly: Bool
    public let redaction: Redaction
    /// Who reads it, for `snapshot --list` (`VMBusReader`).
    public let reader: String
    /// One line of why hvctl reads it.
    public let why: String

    public init(
        _ pattern: String, _ form: Form = .attribute, optional: Bool = false, rootOnly: Bool = false,
        redaction: Redaction = .names, reader: String, why: String
    ) {
        self.pattern = pattern
        self.form = form
        self.optional = optional
        self.rootOnly = rootOnly
        self.redaction = redaction
        self.reader = reader
        self.why = why
    }

    enum CodingKeys: String, CodingKey {
        case pattern, form, optional
        case rootOnly = "root_only"
        case redaction, reader, why
    }

    /// The pattern's components, `{a,b}` groups expanded: one list per alternative path.
    public var alternatives: [[String]] {
        var results: [[String]] = [[]]
        for component in pattern.split(separator: "/").map(String.init) {
            let choices = MachineSource.expandBraces(component)
            results = results.flatMap { prefix in choices.map { prefix + [$0] } }
        }
        return results
    }

    /// Whether `path` (a machine path) is one this source names.
    public func matches(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        return alternatives.contains { pattern in
            pattern.count == components.count
                && zip(pattern, components).allSatisfy { MachineSource.glob($0, matches: $1) }
        }
    }

    /// Whether `path` is a directory on the way to this source (listed or tested to find it).
    public func passesThrough(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        return alternatives.contains { pattern in
            components.count < pattern.count
                && zip(pattern, components).allSatisfy { MachineSource.glob($0, matches: $1) }
        }
    }

    static func expandBraces(_ component: String) -> [String] {
        guard let open = component.firstIndex(of: "{"), let close = component[open...].firstIndex(of: "}") else {
            return [component]
        }
        let head = component[..<open]
        let tail = component[component.index(after: close)...]
        return component[component.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false)
            .map { String(head) + $0 + tail }
    }

    /// `*` matches any run of characters within one component; everything else matches itself.
    static func glob(_ pattern: String, matches name: Substring) -> Bool {
        guard pattern.contains("*") else { return pattern == name }
        let p = Array(pattern.utf8)
        let n = Array(name.utf8)
        var i = 0
        var j = 0
        var star: Int?
        var resume = 0
        while j < n.count {
            if i < p.count, p[i] == UInt8(ascii: "*") {
                star = i
                resume = j
                i += 1
            } else if i < p.count, p[i] == n[j] {
                i += 1
                j += 1
            } else if let star {
                i = star + 1
                resume += 1
                j = resume
            } else {
                return false
            }
        }
        while i < p.count, p[i] == UInt8(ascii: "*") { i += 1 }
        return i == p.count
    }
}
