extension Redactor {
    /// Learns the host name of every syslog or journal prefix in `lines`
    /// (`Mar  3 09:14:07 web01 kernel: …`, `2024-03-03T09:14:07+00:00 web01 kernel: …`), so that
    /// `text` removes them with every other occurrence.
    public mutating func learnSyslogHosts(_ lines: [String]) {
        guard enabled else { return }
        var seen: Set<String> = []
        for line in lines {
            guard let host = Redactor.syslogHost(line), seen.insert(host).inserted else { continue }
            learn(host)
        }
    }

    /// The kernel log as `kernel.log` holds it, one line each: the host field of every syslog
    /// prefix replaced where it stands (whatever the name), then MAC addresses and learnt names.
    public mutating func kernelLog(_ lines: [String], path: String) -> [UInt8] {
        var out: [UInt8] = []
        var prefixes = 0
        for line in lines {
            var bytes = Array(line.utf8)
            if enabled, let host = Redactor.syslogHostRange(bytes) {
                bytes.replaceSubrange(host, with: TextScrubber.replacement)
                prefixes += 1
            }
            out += bytes
            out.append(0x0A)
        }
        if prefixes > 0 { note(path, "host name in " + Redactor.count(prefixes, "syslog prefix")) }
        return text(out, path: path)
    }

    /// The host field of a syslog line: the word before ` kernel:` (or ` kernel[`), preceded by a
    /// time stamp (its last word holds a `:`), at the start of the line; or the HOSTNAME field of
    /// an RFC 5424 line (`<6>1 2026-03-03T09:14:07.123Z web01 kernel - - - …`, rsyslog's
    /// RSYSLOG_SyslogProtocol23Format). nil for a `dmesg` line.
    static func syslogHost(_ line: String) -> String? {
        let bytes = Array(line.utf8)
        return syslogHostRange(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    static func syslogHostRange(_ line: [UInt8]) -> Range<Int>? {
        if let host = rfc5424HostRange(line) { return host }
        let bytes = line.prefix(200)
        guard let marker = find(Array(" kernel".utf8), in: Array(bytes)) else { return nil }
        let after = marker + 7
        guard after < bytes.count, bytes[after] == UInt8(ascii: ":") || bytes[after] == UInt8(ascii: "[") else {
            return nil
        }
        let fields = bytes[..<marker].split(separator: 0x20)
        guard fields.count >= 2, let host = fields.last, let stamp = fields.dropLast().last,
            stamp.contains(UInt8(ascii: ":")), stamp.contains(where: ASCII.isDigit),
            !host.contains(UInt8(ascii: "[")), !host.contains(UInt8(ascii: ":"))
        else { return nil }
        return host.startIndex..<host.endIndex
    }

    /// RFC 5424 §6: `[<PRI>]VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME …`, the time stamp in
    /// RFC 3339 form (a `T` between date and time) or `-`.
    static func rfc5424HostRange(_ line: [UInt8]) -> Range<Int>? {
        var index = 0
        if line.first == UInt8(ascii: "<") {
            index = 1
            while index < line.count, ASCII.isDigit(line[index]), index < 5 { index += 1 }
            guard index > 1, index < line.count, line[index] == UInt8(ascii: ">") else { return nil }
            index += 1
        }
        let fields = line[index...].prefix(300).split(separator: 0x20, maxSplits: 4, omittingEmptySubsequences: false)
        guard fields.count >= 4, let version = fields.first, !version.isEmpty, version.allSatisfy(ASCII.isDigit)
        else { return nil }
        let stamp = fields[1]
        let isStamp =
            stamp.elementsEqual([UInt8(ascii: "-")])
            || (stamp.count >= 20 && stamp.contains(UInt8(ascii: "T")) && stamp.contains(UInt8(ascii: ":"))
                && stamp.prefix(4).allSatisfy(ASCII.isDigit))
        let host = fields[2]
        guard isStamp, !host.isEmpty, !host.elementsEqual([UInt8(ascii: "-")]),
            fields[3].elementsEqual(Array("kernel".utf8))
        else { return nil }
        return host.startIndex..<host.endIndex
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start..<start + needle.count].elementsEqual(needle) {
            return start
        }
        return nil
    }

    /// The keys `hv_kvp_daemon` writes into the guest pools and the host sets in pool 3
    /// (reference §11.1, `tools/hv/hv_kvp_daemon.c`; Azure hosts add the three processor
    /// throttle/idle keys): names of facts, not of anyone's choosing.
    /// Every other key is redacted too (issue 12): an administrator's custom key can name a customer.
    public static let standardKVPKeys: Set<String> = [
        "HostName", "HostingSystemEditionId", "HostingSystemNestedLevel", "HostingSystemOsMajor",
        "HostingSystemOsMinor", "HostingSystemProcessorArchitecture", "HostingSystemProcessorIdleStateMax",
        "HostingSystemProcessorThrottleMax", "HostingSystemProcessorThrottleMin", "HostingSystemSpMajor",
        "HostingSystemSpMinor",
        "PhysicalHostName", "PhysicalHostNameFullyQualified", "VirtualMachineId", "VirtualMachineName",
        "VirtualMachineDynamicMemoryBalancingEnabled", "FullyQualifiedDomainName", "IntegrationServicesVersion",
        "NetworkAddressIPv4", "NetworkAddressIPv6", "OSBuildNumber", "OSName", "OSMajorVersion", "OSMinorVersion",
        "OSVersion", "ProcessorArchitecture",
    ]

    /// A KVP pool (reference §11.1) with every non-empty value replaced by `REDACTED` and every
    /// non-standard key too, record layout kept, so a reader still sees which standard keys the host
    /// and guest set. The names among the values (`kvpNameKeys`) are learnt first. nil when the
    /// bytes are not a whole number of records: such a file is left out rather than copied unread.
    public mutating func kvpPool(_ bytes: [UInt8], path: String) -> [UInt8]? {
        guard enabled else { return bytes }
        guard case .success(let pool) = KVPPool.decode(bytes) else {
            note(path, "left out (not a whole number of KVP records)")
            return nil
        }
        for record in pool.records where Redactor.kvpNameKeys.contains(record.key) { learn(record.value) }
        var out = bytes
        var values = 0
        var keys = 0
        var offset = 0
        while offset + KVPPool.recordSize <= out.count {
            let valueStart = offset + KVPPool.keySize
            if out[offset] != 0 && out[valueStart] != 0 {
                let value = TextScrubber.replacement + [UInt8](repeating: 0, count: KVPPool.valueSize - 8)
                out.replaceSubrange(valueStart..<valueStart + KVPPool.valueSize, with: value)
                values += 1
            }
            let key = String(decoding: bytes[offset..<offset + KVPPool.keySize].prefix { $0 != 0 }, as: UTF8.self)
            if out[offset] != 0, !Redactor.standardKVPKeys.contains(key) {
                let key = TextScrubber.replacement + [UInt8](repeating: 0, count: KVPPool.keySize - 8)
                out.replaceSubrange(offset..<offset + KVPPool.keySize, with: key)
                keys += 1
            }
            offset += KVPPool.recordSize
        }
        if values > 0 { note(path, Redactor.count(values, "value")) }
        if keys > 0 { note(path, Redactor.count(keys, "non-standard key")) }
        return out
    }
}
