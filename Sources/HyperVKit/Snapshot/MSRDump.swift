/// `msr/cpu<N>.txt` of a snapshot: one line per synthetic MSR read on CPU N,
/// `0x<index> 0x<16 hex digits>` or `0x<index> <ERRNO NAME>` when the read failed
/// (docs/snapshot-format.md).
///
/// A recorded errno stays `unreadable(errno)`, ENOENT included (the msr driver was not loaded at
/// capture time), so that `absent` keeps meaning "this MSR was not captured", as the live reader
/// keeps ENOENT from the device open (`MSRDevices.read`).
public struct MSRDump: Sendable, Equatable {
    public var values: [UInt32: Result<UInt64, ReadFailure>]

    public init(values: [UInt32: Result<UInt64, ReadFailure>] = [:]) {
        self.values = values
    }

    public static func parse(_ text: String) -> Result<MSRDump, ReadFailure> {
        var dump = MSRDump()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2, parts[0].hasPrefix("0x"), let msr = parseHex32(parts[0]) else {
                return .failure(.invalid("line \(index + 1): expected \"0x<index> <value>\""))
            }
            if parts[1].hasPrefix("0x") {
                let digits = parts[1].dropFirst(2)
                guard !digits.isEmpty, digits.count <= 16, let value = UInt64(digits, radix: 16) else {
                    return .failure(.invalid("line \(index + 1): bad value \"\(parts[1].prefix(40))\""))
                }
                dump.values[msr] = .success(value)
            } else if let errno = Errno(name: String(parts[1])) {
                dump.values[msr] = .failure(.unreadable(errno))
            } else {
                return .failure(.invalid("line \(index + 1): unknown errno name \"\(parts[1].prefix(40))\""))
            }
        }
        return .success(dump)
    }

    public func render() -> String {
        var out = ""
        for msr in values.keys.sorted() {
            guard let result = values[msr] else { continue }
            switch result {
            case .success(let value): out += "\(hex32(msr)) \(hex64(value))\n"
            case .failure(let failure): out += "\(hex32(msr)) \(failure.errno?.name ?? "EIO")\n"
            }
        }
        return out
    }
}
