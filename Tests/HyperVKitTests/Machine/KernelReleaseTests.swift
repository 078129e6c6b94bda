import Testing

@testable import HyperVKit

@Suite struct KernelReleaseTests {
    @Test(arguments: [
        ("6.1.0-37-cloud-amd64", 6, 1), ("6.6.87.2-microsoft-standard-WSL2", 6, 6), ("4.19.0-27-amd64", 4, 19),
        ("6.15", 6, 15), ("6.1-rc3", 6, 1), ("5.10.0", 5, 10),
    ])
    func parses(_ text: String, _ major: Int, _ minor: Int) {
        #expect(KernelRelease(text) == KernelRelease(major: major, minor: minor))
    }

    @Test(arguments: ["", "unknown", "6", "6.", ".1", "x.1", "123456.1"])
    func refuses(_ text: String) {
        #expect(KernelRelease(text) == nil)
    }

    @Test func comparesNumerically() {
        #expect(KernelRelease(major: 6, minor: 9) < KernelRelease(major: 6, minor: 15))
        #expect(KernelRelease(major: 5, minor: 19) < KernelRelease(major: 6, minor: 1))
    }
}
