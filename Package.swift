// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "hvctl",
    products: [
        .executable(name: "hvctl", targets: ["hvctl"]),
        // For Fuzz/ (the fuzzers build the library with -sanitize=fuzzer); not a public API.
        .library(name: "HyperVKit", targets: ["HyperVKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libcpuid (apt libcpuid-dev): CPUID on the live machine. See build-notes: keep pkgConfig and `link`.
        .systemLibrary(
            name: "CLibCpuid",
            pkgConfig: "libcpuid",
            providers: [.apt(["libcpuid-dev"])]
        ),
        // zlib (apt zlib1g-dev): reading and writing .tar.gz snapshots without spawning tar.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // libarchive (apt libarchive-dev): reading snapshot and sos report archives, whatever their
        // compression (gzip, xz, bzip2, zstd). Only the tar format and those four filters are
        // registered, so a static link pulls in liblzma, libzstd, libbz2 and zlib and nothing else.
        .systemLibrary(
            name: "CArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev", "libzstd-dev"])]
        ),
        // sched_setaffinity/sched_getcpu, which Glibc's Swift overlay does not expose.
        .target(
            name: "CAffinity",
            cSettings: [.define("_GNU_SOURCE")]
        ),
        // openat2(RESOLVE_IN_ROOT): reading a snapshot or --root tree without ever leaving it.
        .target(name: "CRootFS"),
        .target(
            name: "HyperVKit",
            dependencies: ["CZlib", "CArchive", "CRootFS"]
        ),
        .target(
            name: "HyperVLive",
            dependencies: ["HyperVKit", "CLibCpuid", "CAffinity"]
        ),
        .executableTarget(
            name: "hvctl",
            dependencies: [
                "HyperVKit",
                "HyperVLive",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "HyperVKitTests",
            dependencies: ["HyperVKit"],
            path: "Tests/HyperVKitTests",
            exclude: ["Health/tomllib-oracle.py"]
        ),
        .testTarget(
            name: "HyperVLiveTests",
            dependencies: ["HyperVLive", "HyperVKit"],
            path: "Tests/HyperVLiveTests"
        ),
        .testTarget(
            name: "hvctlTests",
            dependencies: ["hvctl", "HyperVKit", "HyperVLive"],
            path: "Tests/hvctlTests",
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
