/// Reads a recognised line's captures in order, fitting each into the field it was printed from.
struct CaptureReader {
    private var captures: ArraySlice<LogCapture>

    init(_ captures: [LogCapture]) {
        self.captures = captures[...]
    }

    mutating func number(_ name: String) throws(KernelLogRejection) -> PrintedNumber {
        guard case .number(let number)? = captures.popFirst() else {
            throw KernelLogRejection(reason: "\(name) is missing")
        }
        return number
    }

    mutating func text() throws(KernelLogRejection) -> String {
        guard case .text(let text)? = captures.popFirst() else { throw KernelLogRejection(reason: "text is missing") }
        return text
    }

    /// A register word printed with `0x%x` or `%#x`.
    mutating func word(_ name: String) throws(KernelLogRejection) -> UInt32 {
        let number = try number(name)
        guard let value = number.unsigned32 else {
            throw KernelLogRejection(reason: "\(name) \(number.text) does not fit in a 32-bit register")
        }
        return value
    }

    /// A field printed with `%d` that must fit `width` bits (see `PrintedNumber.fitted`).
    mutating func field(_ name: String, width: Int, allowsNegative: Bool) throws(KernelLogRejection) -> UInt64 {
        let number = try number(name)
        guard let value = number.fitted(width: width, allowsNegative: allowsNegative) else {
            throw KernelLogRejection(reason: "\(name) \(number.text) does not fit its \(width)-bit field")
        }
        return value
    }

    /// `%d.%d` of `version >> 16, version & 0xFFFF` with an unsigned version (`connection.c`).
    mutating func vmbusVersion() throws(KernelLogRejection) -> VMBusVersion {
        let major = try field("VMBus major version", width: 16, allowsNegative: false)
        let minor = try field("VMBus minor version", width: 16, allowsNegative: false)
        return VMBusVersion(major: UInt16(major), minor: UInt16(minor))
    }

    /// A C `bool` printed with `%d`: 0 or 1.
    mutating func boolean(_ name: String) throws(KernelLogRejection) -> Bool {
        let number = try number(name)
        switch number.fitted(width: 32, allowsNegative: false) {
        case 0: return false
        case 1: return true
        default: throw KernelLogRejection(reason: "\(name) \(number.text) is neither 0 nor 1")
        }
    }

    /// A `%pUl` GUID: 8-4-4-4-12 hex digits, returned lowercase.
    mutating func guid() throws(KernelLogRejection) -> String {
        let text = try text()
        let groups = text.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
        guard groups == [8, 4, 4, 4, 12] else { throw KernelLogRejection(reason: "\(text) is not a GUID") }
        return text.lowercased()
    }
}
