import Testing

@testable import HyperVKit

/// The configuration schema through the JSON reader: values, defaults, and one-line errors that
/// name the file and line.
@Suite struct HealthConfigDecoderTests {
    func decode(_ json: String) throws(HealthConfigError) -> HealthConfiguration {
        try HealthConfigDecoder(file: "health.json").decode(try ConfigJSONParser.parse(json, file: "health.json"))
    }

    func error(_ json: String) -> HealthConfigError? {
        do {
            _ = try decode(json)
            return nil
        } catch {
            return error
        }
    }

    @Test func everyKey() throws {
        let configuration = try decode(
            """
            {"vmbus": {"min_version": "5.2", "expected_devices": ["nic", "Synthetic SCSI Controller",
              "{DDE9CBC0-5060-4436-9448-EA1254A5D177}"]},
             "channels": {"balance": {"max_ratio": 3}}, "rings": {"max_fill_percent": 75.5},
             "isolation": {"expected": "tdx"}, "severity": {"cpu.phantom": "warn"},
             "checks": {"skip": ["kernel_log.errors"]}}
            """)
        #expect(configuration.minimumVMBusVersion == VMBusVersion(major: 5, minor: 2))
        #expect(configuration.expectedDevices.map(\.name) == ["nic", "scsi", "dde9cbc0-5060-4436-9448-ea1254a5d177"])
        #expect(configuration.maxChannelImbalance == 3 && configuration.maxRingFillPercent == 75.5)
        #expect(configuration.expectedIsolation == .tdx)
        #expect(configuration.severities == ["cpu.phantom": .warn])
        #expect(configuration.skip == ["kernel_log.errors"])
    }

    @Test func defaults() throws {
        let configuration = try decode("{}")
        #expect(configuration == HealthConfiguration())
        #expect(configuration.minimumVMBusVersion == VMBusVersion(major: 4, minor: 0))
        #expect(configuration.maxChannelImbalance == 2.0 && configuration.maxRingFillPercent == 90)
    }

    @Test func errorsNameFileLineAndKey() {
        let json = "{\n  \"channels\": {\n    \"balance\": {\n      \"max_ratio\": \"two\"\n    }\n  }\n}"
        #expect(
            error(json)?.description
                == "health.json:4: expected a number for channels.balance.max_ratio, found a string")
        #expect(
            error("{\"vmbus\": {\"min_versoin\": \"4.0\"}}")?.description.hasPrefix(
                "health.json:1: unknown key vmbus.min_versoin") == true)
        #expect(error("{\n\"severity\": {\"no.such\": \"warn\"}}")?.line == 2)
        #expect(error("{\"isolation\": {\"expected\": \"sev\"}}")?.message.contains("none, vbs, snp, tdx") == true)
        #expect(error("{\"vmbus\": {\"expected_devices\": [\"nicc\"]}}")?.message.contains("unknown class") == true)
        #expect(error("{\"rings\": {\"max_fill_percent\": 150}}") != nil)
        #expect(error("{\"channels\": {\"balance\": {\"max_ratio\": 0.5}}}") != nil)
        #expect(error("{\"checks\": {\"skip\": [\"rings.ful\"]}}")?.message.contains("unknown check") == true)
    }

    @Test func invalidJSONIsLocated() {
        #expect(error("{\n  \"vmbus\": {,}\n}")?.line == 2)
        #expect(error("{\"a\": 1, \"a\": 2}")?.message.contains("duplicate key") == true)
        #expect(
            error("{\"vmbus\": {\"min_version\": \"4.0\"}} trailing")?.message.contains("after the JSON value") == true)
        #expect(error("[1, 2")?.message.contains("end of the file") == true)
        #expect(error("{\"x\": 01}") != nil)
    }
}
