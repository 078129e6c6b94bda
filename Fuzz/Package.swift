// swift-tools-version: 6.0
// libFuzzer targets for what hvctl reads from strangers: snapshot archives and trees, kernel logs,
// CPUID and MSR dumps, health configurations (issue 12). Built and run by .ci/fuzz:
//   swift build --package-path Fuzz -c release --sanitize=fuzzer
//   HVCTL_FUZZ_TARGET=archive Fuzz/.build/release/hvctl-fuzz CORPUS -max_total_time=20
import PackageDescription

let package = Package(
    name: "hvctl-fuzz",
    dependencies: [
        // `hvctl` is a link to the repository root, so the package identity does not depend on the
        // name of the directory the repository was cloned into.
        .package(path: "hvctl")
    ],
    targets: [
        .executableTarget(
            name: "hvctl-fuzz",
            dependencies: [
                .product(name: "HyperVKit", package: "hvctl")
            ],
            // libFuzzer supplies main(); the entry point is LLVMFuzzerTestOneInput.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ],
    swiftLanguageModes: [.v6]
)
