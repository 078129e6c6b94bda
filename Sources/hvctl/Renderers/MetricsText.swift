import HyperVKit

/// `hvctl metrics`: the facts a health run read, and its results, as Prometheus metrics. Names
/// follow Prometheus' conventions: the `hvctl_` prefix, `_total` on counters, base units (fills
/// are ratios 0-1, not percent).
/// Labels never change for one series (issue 14): a channel is `{device, class, relid}`, and
/// where it points (its target CPU) is a gauge of its own, so a re-target (hvctl's own `set-cpu`
/// and `evacuate` included) never starts a new counter series and `rate()` holds. No label value is
/// empty: an unknown value is `unknown`, a missing driver `none`.
struct MetricsText {
    var facts: HealthFacts
    var report: HealthReport
    /// When the run started (Unix seconds) and how long reading and judging took.
    var timestamp: Double
    var duration: Double

    static let unknown = "unknown"

    func render() -> String {
        var writer = PrometheusWriter()
        run(&writer)
        info(&writer)
        channels(&writer)
        cpus(&writer)
        health(&writer)
        return writer.text
    }

    func run(_ writer: inout PrometheusWriter) {
        writer.family(
            "hvctl_build_info", .gauge, help: "The hvctl that wrote these metrics, as a label; always 1.",
            [.init(labels: [("version", HVCtl.version)], value: 1)])
        writer.family(
            "hvctl_run_timestamp_seconds", .gauge,
            help:
                "When this run of hvctl metrics started, in Unix seconds: alert when it grows old (a stale textfile).",
            [.init(labels: [], value: timestamp)])
        writer.family(
            "hvctl_run_duration_seconds", .gauge, help: "How long this run took to read the machine and judge it.",
            [.init(labels: [], value: duration)])
    }

    func info(_ writer: inout PrometheusWriter) {
        let host = facts.hostVersion
        let isolation: String
        if let features = facts.features {
            isolation = features.summary.isolation.type?.rawValue ?? Self.unknown
        } else {
            isolation = Self.unknown
        }
        let labels: [(String, String)] = [
            ("host_build", host.map { String($0.build) } ?? Self.unknown),
            ("release", host.flatMap { WindowsRelease.name(forBuild: $0.build) } ?? Self.unknown),
            ("vmbus_version", facts.vmbusVersion?.version?.description ?? Self.unknown),
            ("isolation", isolation),
            ("environment", facts.environment?.kind.rawValue ?? Self.unknown),
            ("kernel_release", facts.kernelRelease ?? Self.unknown),
            ("hypervisor", facts.identity?.name ?? Self.unknown),
        ]
        writer.family(
            "hvctl_info", .gauge,
            help: "Facts about this guest as labels (host build and Windows release, negotiated VMBus version, "
                + "isolation, environment; unknown when not known); always 1.",
            [.init(labels: labels, value: 1)])
        if let host {
            writer.family(
                "hvctl_host_build", .gauge,
                help: "The host's Windows build number (CPUID 0x40000002 EBX[15:0]): changes() of it is a host update "
                    + "or a live migration to another host.",
                [.init(labels: [], value: Double(host.build))])
        }
    }

    func channels(_ writer: inout PrometheusWriter) {
        let devices = facts.vmbus?.present == true ? (facts.vmbus?.devices ?? []) : []
        let online = facts.vmbus?.onlineCPUs
        let series = devices.flatMap { device in
            device.channels.map { (device, $0, PrometheusWriter.labelText(labels(device, $0))) }
        }
        func samples(_ value: (VMBusDevice, VMBusChannel) -> Double?) -> [PrometheusWriter.Sample] {
            series.compactMap { device, channel, text in
                value(device, channel).map { PrometheusWriter.Sample(labelText: text, value: $0) }
            }
        }
        writer.family(
            "hvctl_vmbus_device_info", .gauge,
            help: "One series per VMBus device: its class and the driver bound to it (none when unbound); always 1.",
            devices.map { device in
                PrometheusWriter.Sample(
                    labels: [
                        ("device", device.deviceID), ("class", device.classLabel),
                        ("class_id", device.classID ?? Self.unknown), ("driver", device.driver ?? "none"),
                    ], value: 1)
            })
        writer.family(
            "hvctl_vmbus_channel_target_cpu", .gauge,
            help: "The Linux CPU this channel's interrupts target (channels/<relid>/cpu, or channel_vp_mapping when "
                + "that cannot be read); absent when unknown.",
            samples { $1.targetCPU.map(Double.init) })
        writer.family(
            "hvctl_vmbus_channel_target_cpu_online", .gauge,
            help: "1 when the CPU this channel targets is online, 0 when it is offline (its interrupts go nowhere).",
            samples { _, channel in
                guard let cpu = channel.targetCPU, let online else { return nil }
                return online.contains(cpu) ? 1 : 0
            })
        writer.family(
            "hvctl_vmbus_channel_interrupts_total", .counter,
            help: "Interrupts the host raised for this channel (channels/<relid>/interrupts).",
            samples { $1.interrupts.map { Double($0) } })
        writer.family(
            "hvctl_vmbus_channel_events_total", .counter,
            help: "Times the guest signalled the host on this channel (channels/<relid>/events).",
            samples { $1.events.map { Double($0) } })
        writer.family(
            "hvctl_vmbus_channel_out_full_total", .counter,
            help: "Guest writes that found the outbound ring full (channels/<relid>/out_full_total).",
            samples { $1.outFullTotal.map { Double($0) } })
        writer.family(
            "hvctl_vmbus_channel_out_full_first_total", .counter,
            help: "Guest writes that first hit a full outbound ring (channels/<relid>/out_full_first).",
            samples { $1.outFullFirst.map { Double($0) } })
        writer.family(
            "hvctl_vmbus_channel_outbound_ring_fill_ratio", .gauge,
            help: "Share of the guest-to-host ring in use (0-1): ring size minus write_avail, over the size.",
            samples { device, channel in channel.outboundFill(ringSize: device.outboundRingSize).map { $0 / 100 } })
        writer.family(
            "hvctl_vmbus_channel_inbound_ring_fill_ratio", .gauge,
            help: "Share of the host-to-guest ring waiting to be read (0-1): read_avail over the ring size.",
            samples { device, channel in channel.inboundFill(ringSize: device.inboundRingSize).map { $0 / 100 } })
    }

    /// What names a channel for as long as it exists: never its target CPU, which moves.
    func labels(_ device: VMBusDevice, _ channel: VMBusChannel) -> [(String, String)] {
        [("device", device.deviceID), ("class", device.classLabel), ("relid", String(channel.relid))]
    }

    func cpus(_ writer: inout PrometheusWriter) {
        guard let state = facts.vmbus, state.present == true else { return }
        let map = VMBusReport(state: state).cpuMap
        writer.family(
            "hvctl_cpu_vmbus_channels", .gauge,
            help: "VMBus channels whose interrupts target this CPU (a CPU with any cannot go offline on 6.1).",
            map.map { .init(labels: [("cpu", String($0.cpu))], value: Double($0.channels)) })
        writer.family(
            "hvctl_cpu_online", .gauge, help: "1 when the CPU is online (cpu/online), 0 when it is not.",
            map.compactMap { entry in
                entry.online.map { .init(labels: [("cpu", String(entry.cpu))], value: $0 ? 1 : 0) }
            })
    }

    func health(_ writer: inout PrometheusWriter) {
        writer.family(
            "hvctl_health_check", .gauge,
            help: "1 when the hvctl health check passed or was skipped, 0 when it warned or failed.",
            report.results.map {
                .init(
                    labels: [("id", $0.id), ("severity", $0.severity.rawValue)],
                    value: $0.status == .warn || $0.status == .fail ? 0 : 1)
            })
        writer.family(
            "hvctl_health_check_status", .gauge,
            help: "The hvctl health check's status: 1 for the series whose status label it has, 0 for the others.",
            report.results.flatMap { result in
                HealthStatus.allCases.map { status in
                    .init(
                        labels: [("id", result.id), ("status", status.rawValue)], value: result.status == status ? 1 : 0
                    )
                }
            })
        writer.family(
            "hvctl_health_check_skipped", .gauge,
            help: "1 for a skipped check, with why: permission (needs root), unavailable (not captured, msr "
                + "driver not loaded), not_applicable, not_configured. A skip is not a pass.",
            report.results.compactMap { result in
                result.skipReason.map { .init(labels: [("id", result.id), ("reason", $0.rawValue)], value: 1) }
            })
        writer.family(
            "hvctl_health_status", .gauge,
            help: "The overall hvctl health status (pass, warn or fail): 1 for the current one, 0 for the others.",
            [HealthStatus.pass, .warn, .fail].map {
                .init(labels: [("status", $0.rawValue)], value: report.status == $0 ? 1 : 0)
            })
    }
}
