extension VMBusReader {
    /// The channels of one device, sorted by relid. Without `channelAttributes`, only their relids
    /// and the CPU from `channel_vp_mapping`.
    static func readChannels(
        _ names: [String], of device: VMBusDevice, options: Options, reader: inout AttributeReader
    ) -> [VMBusChannel] {
        var channels: [VMBusChannel] = []
        let mapping = Dictionary((device.channelCPUMapping ?? []).map { ($0.relid, $0.cpu) }) { first, _ in first }
        for name in names {
            let path = device.sysfsPath + "/channels/" + name
            guard let relid = Int(name), relid >= 0 else {
                reader.note(Diagnostic(path: path, message: "\(path): a channel directory that is not a relid"))
                continue
            }
            var channel = VMBusChannel(relid: relid)
            if options.channelAttributes {
                guard readChannelAttributes(&channel, path: path, reader: &reader) else { continue }
            } else if options.channelTargets {
                guard readTarget(&channel, path: path, reader: &reader) else { continue }
            } else {
                channel.targetCPU = mapping[relid]
            }
            if (options.channelAttributes || options.channelTargets), channel.targetCPU == nil,
                let mapped = mapping[relid]
            {
                channel.targetCPU = mapped
                channel.targetFromMapping = true
                // One defect, one diagnostic: the failed read says where the target came from instead.
                let fallback = "target CPU \(mapped) taken from channel_vp_mapping"
                let cpuPath = path.appending(VMBusChannelFile.cpu)
                if let index = reader.diagnostics.lastIndex(where: { $0.path == cpuPath }) {
                    reader.diagnostics[index].message += ": " + fallback
                } else {
                    reader.note(Diagnostic(path: cpuPath, message: "\(cpuPath) could not be read: " + fallback))
                }
            }
            channel.isPrimary = channel.subchannelIndex.map { $0 == 0 } ?? (relid == device.relid)
            channels.append(channel)
        }
        channels.sort { $0.relid < $1.relid }
        if options.channelAttributes { addPrimaryRingSizes(&channels, device: device, reader: &reader) }
        return channels
    }

    /// Reads `channels/<relid>/*`; false when the channel vanished (rescinded) mid-scan, with one
    /// warning in place of whatever its reads reported.
    private static func readChannelAttributes(
        _ channel: inout VMBusChannel, path: String, reader: inout AttributeReader
    ) -> Bool {
        let mark = reader.diagnostics.count
        channel.targetCPU = reader.int(path.appending(VMBusChannelFile.cpu))
        channel.subchannelIndex = reader.int(path.appending(VMBusChannelFile.subchannelID), .optional)
        channel.interrupts = reader.uint64(path.appending(VMBusChannelFile.interrupts))
        channel.events = reader.uint64(path.appending(VMBusChannelFile.events))
        readRings(&channel, path: path, reader: &reader)
        channel.pending = reader.int(path.appending(VMBusChannelFile.pending), .optional)
        channel.latency = reader.int(path.appending(VMBusChannelFile.latency), .optional)
        channel.monitorID = reader.int(path.appending(VMBusChannelFile.monitorID), .optional)
        channel.interruptsInFull = reader.uint64(path.appending(VMBusChannelFile.intrInFull), .optional)
        channel.interruptsOutEmpty = reader.uint64(path.appending(VMBusChannelFile.intrOutEmpty), .optional)
        channel.outFullFirst = reader.uint64(path.appending(VMBusChannelFile.outFullFirst), .optional)
        channel.outFullTotal = reader.uint64(path.appending(VMBusChannelFile.outFullTotal), .optional)
        if reader.diagnostics.count > mark && !reader.machine.isDirectory(path) {
            noteVanished(path, since: mark, reader: &reader)
            return false
        }
        return true
    }

    /// Only the channel's own `cpu` and `subchannel_id`: the per-channel file is what a re-targeting
    /// write changes, and what the CPU commands trust. False when the channel vanished mid-scan.
    private static func readTarget(_ channel: inout VMBusChannel, path: String, reader: inout AttributeReader) -> Bool {
        let mark = reader.diagnostics.count
        channel.targetCPU = reader.int(path.appending(VMBusChannelFile.cpu))
        channel.subchannelIndex = reader.int(path.appending(VMBusChannelFile.subchannelID), .optional)
        if reader.diagnostics.count > mark && !reader.machine.isDirectory(path) {
            noteVanished(path, since: mark, reader: &reader)
            return false
        }
        return true
    }

    /// The four ring attributes return EINVAL while the ring is not allocated, i.e. the channel is
    /// not open (§3.3): that is one fact about the channel, so it is one diagnostic, not four.
    private static func readRings(_ channel: inout VMBusChannel, path: String, reader: inout AttributeReader) {
        var closed = false
        func value(_ file: VMBusChannelFile) -> Int? {
            let filePath = path.appending(file)
            switch reader.raw(filePath) {
            case .success(let text):
                return reader.number(text, path: filePath)
            case .failure(.unreadable(.EINVAL)):
                closed = true
                return nil
            case .failure(.absent):
                reader.note(Diagnostic(path: filePath, message: "\(filePath) is missing"))
                return nil
            case .failure(let failure):
                reader.note(reader.readFailure(filePath, failure))
                return nil
            }
        }
        channel.inbound.mask = value(.inMask)
        channel.outbound.mask = value(.outMask)
        channel.inbound.readAvailable = value(.readAvail)
        channel.outbound.writeAvailable = value(.writeAvail)
        if closed {
            reader.note(
                Diagnostic(
                    path: path,
                    message: "\(path): ring buffers not allocated (EINVAL): the channel is not open"))
        }
    }

    /// The device-level `in_write_bytes_avail` and `out_read_bytes_avail` complete the primary
    /// channel's rings, which gives their sizes (§3.2).
    private static func addPrimaryRingSizes(
        _ channels: inout [VMBusChannel], device: VMBusDevice, reader: inout AttributeReader
    ) {
        guard let index = channels.firstIndex(where: { $0.isPrimary }) else { return }
        var quiet = reader
        quiet.diagnostics = []
        let inFree = quiet.int(device.sysfsPath.appending(VMBusDeviceFile.Ring.inWriteBytesAvail), .optional)
        let outWaiting = quiet.int(device.sysfsPath.appending(VMBusDeviceFile.Ring.outReadBytesAvail), .optional)
        // The same EINVAL as the channel's own ring attributes when not open: already reported.
        channels[index].inbound.writeAvailable = inFree
        channels[index].outbound.readAvailable = outWaiting
    }
}
