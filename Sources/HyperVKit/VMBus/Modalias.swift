/// The `modalias` of a VMBus device (reference §3.6): `vmbus:` and the 16 bytes of the class GUID
/// **as they lie in memory**, two lower-case hex digits each (`modalias_show()`,
/// `vmbus_uevent()` in `drivers/hv/vmbus_drv.c` print `%*phN` of the `guid_t`).
///
/// A `guid_t` stores its first three fields little-endian, whatever the CPU: the bytes are the
/// ones Hyper-V put in the offer, and all data shared with Hyper-V is little-endian. So the text
/// GUID `f8615163-df3e-46c5-913f-f2d2f965ed0e` is `63 51 61 f8 | 3e df | c5 46 | 91 3f f2 d2 …`
/// and its modalias is `vmbus:635161f83edfc546913ff2d2f965ed0e`. This decoder assembles the
/// fields from the bytes explicitly; it never loads them in the host's byte order.
public enum Modalias {
    public static let prefix = "vmbus:"

    /// The class GUID (lower case, no braces) a modalias names; nil for text that is not
    /// `vmbus:` followed by exactly 32 hex digits.
    public static func classGUID(fromModalias text: String) -> String? {
        guard text.hasPrefix(prefix), let bytes = hexBytes(text.dropFirst(prefix.count)), bytes.count == 16 else {
            return nil
        }
        let data1 = UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
        let data2 = UInt16(bytes[4]) | UInt16(bytes[5]) << 8
        let data3 = UInt16(bytes[6]) | UInt16(bytes[7]) << 8
        return hex(data1, digits: 8) + "-" + hex(UInt32(data2), digits: 4) + "-" + hex(UInt32(data3), digits: 4)
            + "-" + hexString(bytes[8..<10]) + "-" + hexString(bytes[10..<16])
    }

    /// A diagnostic when a device's `modalias` and `class_id` disagree; nil when they agree or
    /// either was not read.
    public static func mismatch(_ device: VMBusDevice) -> Diagnostic? {
        guard let modalias = device.modalias, let classID = device.classID,
            !agrees(modalias: modalias, classID: classID)
        else { return nil }
        let path = device.sysfsPath + "/modalias"
        let named = classGUID(fromModalias: modalias).map { "class \($0)" } ?? "no VMBus class GUID"
        return Diagnostic(
            path: path, message: "\(path): \"\(modalias.prefix(80))\" names \(named), but class_id is \(classID)")
    }

    /// The modalias of a class GUID (any case, braces allowed); nil when it is not a GUID.
    public static func modalias(forClassGUID guid: String) -> String? {
        guard let bytes = memoryBytes(ofGUID: guid) else { return nil }
        return prefix + hexString(bytes[...])
    }

    /// The 16 bytes of a `guid_t` holding `guid`: data1, data2 and data3 least significant byte
    /// first, data4 as written.
    public static func memoryBytes(ofGUID guid: String) -> [UInt8]? {
        let groups = GUIDText.normalized(guid).split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12], let data1 = UInt32(groups[0], radix: 16),
            let data2 = UInt16(groups[1], radix: 16), let data3 = UInt16(groups[2], radix: 16),
            let data4 = hexBytes(groups[3] + groups[4])
        else { return nil }
        var bytes: [UInt8] = []
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: data1 >> UInt32(shift))) }
        for half in [data2, data3] {
            bytes.append(UInt8(truncatingIfNeeded: half))
            bytes.append(UInt8(truncatingIfNeeded: half >> 8))
        }
        return bytes + data4
    }

    /// Whether a device's `modalias` agrees with its `class_id`. The kernel derives both from the
    /// same `guid_t`, so a disagreement means a damaged or hand-edited snapshot, or text that is
    /// not a VMBus modalias at all.
    public static func agrees(modalias: String, classID: String) -> Bool {
        guard let decoded = classGUID(fromModalias: modalias) else { return false }
        return decoded == GUIDText.normalized(classID)
    }

    private static func hexBytes<Text: StringProtocol>(_ text: Text) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < digits.count {
            guard let high = ASCII.hexValue(digits[index]), let low = ASCII.hexValue(digits[index + 1]) else {
                return nil
            }
            bytes.append(UInt8(high << 4 | low))
            index += 2
        }
        return bytes
    }

    private static func hexString(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.map { hex(UInt32($0), digits: 2) }.joined()
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        Hex.format(value, digits: digits, prefix: "")
    }
}
