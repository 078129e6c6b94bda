import Testing

@testable import HyperVKit

/// The one link walk behind RootFileReader's fallback and MachinePathResolver, on a table of links.
@Suite struct SymbolicLinkWalkTests {
    struct LookupFailed: Error, Equatable { let path: String }

    /// Walks `path` through `links` (absolute path → stored target).
    func walk(_ path: String, _ links: [String: String]) -> [String]? {
        SymbolicLinkWalk.resolve(path) { components in links["/" + components.joined(separator: "/")] }
    }

    @Test func followsRelativeAndAbsoluteTargetsAndClampsDotDotAtTheRoot() {
        let links = ["/sys/bus/d0": "../devices/d0", "/sys/id": "/sys/devices/virtual/id"]
        #expect(walk("/sys/bus/d0/class_id", links) == ["sys", "devices", "d0", "class_id"])
        #expect(walk("/sys/id/vendor", links) == ["sys", "devices", "virtual", "id", "vendor"])
        // `..` after a link goes up from where the link led.
        #expect(walk("/sys/bus/d0/../d1", links) == ["sys", "devices", "d1"])
        #expect(walk("/../.././etc//passwd", links) == ["etc", "passwd"])
    }

    /// The kernel follows at most MAXSYMLINKS (40) links in one lookup (include/linux/namei.h).
    @Test func followsFortyLinksAndCallsTheFortyFirstALoop() {
        func chain(_ length: Int) -> [String: String] {
            var links: [String: String] = [:]
            for step in 0..<length { links["/l\(step)"] = step == length - 1 ? "end" : "l\(step + 1)" }
            return links
        }
        #expect(walk("/l0", chain(40)) == ["end"])
        #expect(walk("/l0", chain(41)) == nil)
        #expect(walk("/a", ["/a": "b", "/b": "a"]) == nil)
    }

    @Test func aFailedLookupEndsTheWalkWithItsError() {
        #expect(throws: LookupFailed(path: "/x/y")) {
            _ = try SymbolicLinkWalk.resolve("/x/y/z") { components throws(LookupFailed) -> String? in
                let path = "/" + components.joined(separator: "/")
                if path == "/x/y" { throw LookupFailed(path: path) }
                return nil
            }
        }
    }
}
