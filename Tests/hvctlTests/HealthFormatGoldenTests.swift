import Foundation
import Testing

@testable import hvctl

/// The JUnit, TAP and Prometheus renderings of two fixtures (a healthy and a degraded guest) as
/// golden files; the consumers that read them back are in HealthConsumerTests.
@Suite struct HealthFormatGoldenTests {
    static let cases: [(fixture: String, name: String, arguments: [String])] = [
        ("azure-d8ds-v5", "health.junit.xml", ["health", "--format", "junit"]),
        ("azure-d8ds-v5", "health.tap", ["health", "--format", "tap"]),
        ("azure-d8ds-v5", "metrics.prom", ["metrics"]),
        ("azure-degraded", "health.junit.xml", ["health", "--format", "junit", "--fail-on", "warn"]),
        ("azure-degraded", "health.tap", ["health", "--format", "tap", "--fail-on", "warn"]),
        ("azure-degraded", "metrics.prom", ["metrics"]),
    ]

    @Test(arguments: cases.indices)
    func rendering(_ index: Int) throws {
        let entry = HealthFormatGoldenTests.cases[index]
        let output = try CommandHarness.run(["--snapshot", FixturePaths.snapshot(entry.fixture)] + entry.arguments)
        var portable = output.stdout.replacingOccurrences(of: FixturePaths.fixtures.path, with: "Tests/Fixtures")
        // The run's clock readings change every run: the golden file holds a placeholder
        // (MetricsConsumerTests checks the values).
        portable = portable.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            for name in ["hvctl_run_timestamp_seconds ", "hvctl_run_duration_seconds "] where line.hasPrefix(name) {
                return name + "<clock>"
            }
            return String(line)
        }.joined(separator: "\n")
        Golden.assertMatches(portable, "\(entry.fixture)/\(entry.name)")
    }
}
