/// What `hvctl snapshot` leaves out of a capture by default: what a user would not paste into a
/// support ticket (issue 6; reference §11.1 "Host and VM names here are identifying information").
///
/// - every value of every KVP pool (the keys and the record layout stay, values become `REDACTED`);
/// - MAC addresses in every common spelling and IPv4/IPv6 addresses, in every text captured
///   (attributes, `/proc` files, the kernel log);
/// - the DMI serial numbers and UUID (`product_serial`, `product_uuid`, `board_serial`,
///   `chassis_serial`) and Xen's `/sys/hypervisor/uuid`;
/// - the host name in syslog prefixes of the kernel log (`Mar  3 09:14:07 web01 kernel: …`);
/// - KVP keys other than the standard ones hv_kvp_daemon and the host write (a custom key names
///   what its owner chose);
/// - every other occurrence of the names learnt on the way, in any letter case and script: the
///   guest's host name (`/proc/sys/kernel/hostname`), the syslog host names (BSD and RFC 5424
///   prefixes), the KVP host, VM and domain names, the VM ID in every GUID spelling, and the DMI
///   values above.
///
/// Not redacted: VMBus instance GUIDs (they are the paths of the tree; on Azure a network
/// adapter's GUID repeats its MAC address) and the kernel command line beyond MACs and names.
/// `notes` says, per output path, what was removed; the manifest lists them under `redacted`.
public struct Redactor: Sendable {
    public let enabled: Bool
    /// Lower-cased words to remove, longest first.
    private(set) var words: [[UInt8]] = []
    /// Output path → what was removed there.
    private(set) var notes: [String: [String]] = [:]

    /// The DMI attributes that identify one machine (`DMIInfo.serialAttributes`).
    public static let dmiSerials = Set(DMIInfo.serialAttributes)
    /// The KVP keys whose values are names worth scrubbing from other files too (reference §11.1,
    /// `tools/hv/hv_kvp_daemon.c` for the guest's `FullyQualifiedDomainName`).
    public static let kvpNameKeys: Set<String> = [
        "HostName", "PhysicalHostName", "PhysicalHostNameFullyQualified", "VirtualMachineName", "VirtualMachineId",
        "FullyQualifiedDomainName",
    ]
    /// Names shorter than this are not scrubbed elsewhere: `vm` would eat half of any text.
    static let minimumWord = 3

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// The manifest's `redacted` list: one line per output path, sorted.
    public var list: [String] {
        notes.keys.sorted().map { path in "\(path): " + (notes[path] ?? []).joined(separator: ", ") }
    }

    /// Remembers a name to remove wherever it appears. A name that is also a word of the kernel
    /// messages hvctl decodes (a VM called `host` or `features`) is not learnt: removing it would
    /// break the decoding of the very log support needs; it still goes from syslog prefixes and KVP.
    public mutating func learn(_ word: String) {
        guard enabled else { return }
        var name = Substring(word)
        while name.first?.isWhitespace == true || name.first == "\0" { name.removeFirst() }
        while name.last?.isWhitespace == true || name.last == "\0" { name.removeLast() }
        let folded = TextScrubber.fold(String(name))
        guard folded.count >= Redactor.minimumWord, folded != TextScrubber.replacement.map(ASCII.lowercased),
            !Redactor.protectedWords.contains(folded), !words.contains(folded)
        else { return }
        words.append(folded)
        words.sort { $0.count > $1.count }
        learnGUIDSpellings(String(name))
    }

    /// A GUID (a VM ID, an SMBIOS UUID) is written in several ways: with or without dashes and
    /// braces, and with its first three fields byte-swapped (SMBIOS 2.6 stores them little-endian,
    /// so `product_uuid` shows the Hyper-V VM ID swapped, and tools print either). Every spelling
    /// is learnt (issue 12).
    mutating func learnGUIDSpellings(_ text: String) {
        let hex = Array(GUIDText.normalized(text).utf8).filter { $0 != UInt8(ascii: "-") }
        guard hex.count == 32, hex.allSatisfy(TextScrubber.isHex) else { return }
        func swapped(_ digits: [UInt8]) -> [UInt8] {
            func reverse(_ range: Range<Int>) -> [UInt8] {
                stride(from: range.upperBound - 2, through: range.lowerBound, by: -2).flatMap { digits[$0..<$0 + 2] }
            }
            return reverse(0..<8) + reverse(8..<12) + reverse(12..<16) + Array(digits[16...])
        }
        func dashed(_ digits: [UInt8]) -> [UInt8] {
            let dash = UInt8(ascii: "-")
            return Array(digits[0..<8]) + [dash] + Array(digits[8..<12]) + [dash] + Array(digits[12..<16]) + [dash]
                + Array(digits[16..<20]) + [dash] + Array(digits[20...])
        }
        for digits in [hex, swapped(hex)] {
            for spelling in [digits, dashed(digits)] where !words.contains(spelling) {
                words.append(spelling)
            }
        }
        words.sort { $0.count > $1.count }
    }

    /// The lower-cased words of every message `KernelLogParser` recognises and of the kernel log
    /// filter's needles.
    static let protectedWords: Set<[UInt8]> = {
        var words: Set<[UInt8]> = [Array("hyper-v".utf8), Array("hyperv".utf8)]
        let texts = KernelLogMessage.allCases.map(\.format) + KernelLogFilter.rules.flatMap(\.needles)
        for text in texts {
            let bytes = Array(text.utf8).map(ASCII.lowercased)
            for word in bytes.split(whereSeparator: { !TextScrubber.isNameByte($0) }) where word.count >= 3 {
                words.insert(Array(word))
            }
        }
        return words
    }()

    mutating func note(_ path: String, _ what: String) {
        notes[path, default: []].append(what)
    }

    /// A captured text with network addresses (MAC, IPv4, IPv6) and learnt names replaced.
    public mutating func text(_ bytes: [UInt8], path: String) -> [UInt8] {
        guard enabled else { return bytes }
        let addresses = TextScrubber.replaceAddresses(bytes)
        let named = words.isEmpty ? (addresses.bytes, 0) : TextScrubber.replaceWords(addresses.bytes, words)
        if addresses.counts.mac > 0 { note(path, Redactor.count(addresses.counts.mac, "MAC address")) }
        let ip = addresses.counts.ipv4 + addresses.counts.ipv6
        if ip > 0 { note(path, Redactor.count(ip, "IP address")) }
        if named.1 > 0 { note(path, Redactor.count(named.1, "host, VM or serial name")) }
        return named.0
    }

    /// The value of an attribute that is redacted whole (a DMI serial): `REDACTED`, newline kept.
    public mutating func wholeValue(_ bytes: [UInt8], path: String) -> [UInt8] {
        guard enabled, bytes.contains(where: { !ASCII.isSpace($0) && $0 != 0x0A }) else { return bytes }
        note(path, "value")
        return TextScrubber.replacement + (bytes.last == 0x0A ? [0x0A] : [])
    }

    static func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)\(noun.hasSuffix("s") || noun.hasSuffix("x") ? "es" : "s")"
    }
}
