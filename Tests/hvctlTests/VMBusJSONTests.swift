import Foundation
import Testing

@testable import hvctl

/// `hvctl vmbus devices --json` and `vmbus channels --json` keep docs/json-schema.md: every key it
/// lists is there, and a value hvctl could not read is null, never a made-up 0.
@Suite struct VMBusJSONTests {
    static let channelKeys: Set<String> = [
        "relid", "primary", "target_cpu", "target_cpu_online", "interrupts", "events", "in_ring", "out_ring",
        "pending", "latency", "out_full_total", "out_full_first",
    ]
    static let ringKeys: Set<String> = ["read_avail", "write_avail", "mask"]
    static let deviceKeys: Set<String> = [
        "device_id", "class_id", "class_name", "relid", "driver", "numa_node", "channels",
    ]
    static let hyperVFixtures = [
        "azure-arm64", "azure-d8ds-v5", "azure-snp-cvm", "vmbus-broken", "ws2016-gen1", "ws2019-phantom-cpus",
        "wsl2-26100",
    ]

    private func document(_ fixture: String, _ command: String) throws -> [String: Any] {
        let output = try CommandHarness.run([
            "--snapshot", FixturePaths.snapshot(fixture), "vmbus", command, "--json",
        ])
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
        return try #require(object as? [String: Any])
    }

    private func devices(_ root: [String: Any]) throws -> [String: [String: Any]] {
        let list = try #require(root["devices"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["device_id"] as? String ?? "", $0) })
    }

    private func channel(_ device: [String: Any]?, _ relid: Int) throws -> [String: Any] {
        let channels = try #require(device?["channels"] as? [[String: Any]])
        return try #require(channels.first { $0["relid"] as? Int == relid })
    }

    private func isNull(_ value: Any?) -> Bool { value is NSNull }

    @Test(arguments: hyperVFixtures)
    func everyContractKeyIsPresent(_ fixture: String) throws {
        for command in ["devices", "channels"] {
            let root = try document(fixture, command)
            #expect(root["schema_version"] as? Int == 1)
            #expect(root["vmbus_present"] as? Bool == true)
            #expect(root["diagnostics"] is [Any])
            let cpus = try #require(root["cpus"] as? [[String: Any]])
            #expect(cpus.allSatisfy { Set($0.keys).isSuperset(of: ["cpu", "online", "channels"]) })
            for device in try devices(root).values {
                #expect(Set(device.keys).isSuperset(of: Self.deviceKeys), "\(fixture) \(device.keys)")
                for channel in try #require(device["channels"] as? [[String: Any]]) {
                    #expect(Set(channel.keys).isSuperset(of: Self.channelKeys), "\(fixture) \(channel.keys)")
                    for ring in ["in_ring", "out_ring"] {
                        let keys = try #require(channel[ring] as? [String: Any]).keys
                        #expect(Set(keys).isSuperset(of: Self.ringKeys))
                    }
                }
            }
        }
    }

    @Test func unreadableValuesAreNullNotZero() throws {
        let root = try document("vmbus-broken", "channels")
        let devices = try devices(root)
        // EACCES recorded by the capture; a number no counter can hold
        #expect(isNull(try channel(devices["b6650ff7-33bc-4840-8048-e0676786f393"], 7)["interrupts"]))
        #expect(isNull(try channel(devices["a3f61c08-7d4e-4b92-85a0-6e1b9c2d7f34"], 11)["interrupts"]))
        // an empty cpu: the target comes from channel_vp_mapping ("13:3") and says so (issue 14)
        let nic = devices["4e8b2d71-a05c-4f36-9b1e-d3c6f8027a59"]
        #expect(try channel(nic, 13)["target_cpu"] as? Int == 3)
        #expect(try channel(nic, 13)["target_cpu_online"] as? Bool == true)
        #expect(try channel(nic, 13)["target_cpu_source"] as? String == "channel_vp_mapping")
        #expect(try channel(nic, 12)["target_cpu_source"] as? String == "cpu")
        #expect(try channel(nic, 12)["target_cpu"] as? Int == 2)
        #expect(try channel(nic, 12)["target_cpu_online"] as? Bool == false)
        // rings of a channel nobody opened (EINVAL)
        let serial = try channel(devices["0b7d3e52-c1a8-4f69-a2d4-8e5f07b31c96"], 15)
        for ring in ["in_ring", "out_ring"] {
            let values = try #require(serial[ring] as? [String: Any])
            for key in Self.ringKeys { #expect(isNull(values[key]), "\(ring).\(key)") }
        }
        // device attributes: binary numa_node, garbage id, missing class_id
        #expect(isNull(devices["242ff919-07db-4180-9c2e-b86cb68c8c55"]?["numa_node"]))
        #expect(isNull(devices["c2a7f0e4-6b19-4d3a-8f52-e07b9d41a6c3"]?["relid"]))
        let heartbeat = devices["fd149e91-82e0-4a7d-afa6-2a4166cbd7c0"]
        #expect(isNull(heartbeat?["class_id"]) && isNull(heartbeat?["class_name"]))
        #expect(devices["6f2e9b04-3c8d-4a17-b5e6-1d09a7c42f83"] == nil, "the vanished device")
        #expect(devices["d85c1a3e-72f0-4b6d-9e28-3a4f6c0b51e7"]?["class_name"] as? String == "hv_sock connection")
    }

    @Test func diagnosticsCarryThePathAndTheCPUMapTheOfflineCPU() throws {
        let root = try document("vmbus-broken", "channels")
        let diagnostics = try #require(root["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 11)
        for diagnostic in diagnostics {
            let path = try #require(diagnostic["path"] as? String)
            #expect((diagnostic["message"] as? String)?.contains(path) == true)
        }
        let cpus = try #require(root["cpus"] as? [[String: Any]])
        let cpu2 = try #require(cpus.first { $0["cpu"] as? Int == 2 })
        #expect(cpu2["online"] as? Bool == false)
        #expect(cpu2["channels"] as? Int == 1)
    }
}

/// `protocol_version` and `protocol_source` of `vmbus devices --json`: the version the driver
/// logged (fixture logs carry the 6.1 lines, generate.py), null where the log has no line for the
/// device; `vmbus channels` does not look and leaves the keys out.
@Suite struct VMBusProtocolJSONTests {
    private func devices(_ fixture: String, _ command: String = "devices") throws -> [String: [String: Any]] {
        let output = try CommandHarness.run([
            "--snapshot", FixturePaths.snapshot(fixture), "vmbus", command, "--json",
        ])
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
        let root = try #require(object as? [String: Any])
        let list = try #require(root["devices"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["device_id"] as? String ?? "", $0) })
    }

    @Test func azureVersionsFromTheLog() throws {
        let devices = try devices("azure-d8ds-v5")
        let heartbeat = try #require(devices["fd149e91-82e0-4a7d-afa6-2a4166cbd7c0"])
        #expect(heartbeat["protocol_version"] as? String == "3.0")
        #expect(heartbeat["protocol_source"] as? String == "kernel_log")
        #expect(devices["b6650ff7-33bc-4840-8048-e0676786f393"]?["protocol_version"] as? String == "3.2")
        #expect(devices["1eccfd72-4b41-45ef-b73a-4a6e44c12924"]?["protocol_version"] as? String == "2.0")
        #expect(devices["8a4d9f35-6b5a-4c1e-9d27-3e81f0c4a6b2"]?["protocol_version"] as? String == "1.4")
        // storvsc prints no version in 6.1; netvsc only at debug level
        let scsi = try #require(devices["f8b3781a-1e82-4818-a1c3-63d806ec15bb"])
        #expect(scsi["protocol_version"] is NSNull)
        #expect(scsi["protocol_source"] is NSNull)
    }

    @Test func channelsLeaveTheKeysOut() throws {
        let devices = try devices("azure-d8ds-v5", "channels")
        #expect(devices.values.allSatisfy { $0["protocol_version"] == nil && $0["protocol_source"] == nil })
    }
}
