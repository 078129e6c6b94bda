import Testing

@testable import HyperVKit

/// The kernel's CPU list format (`%*pbl`, `bitmap_print_to_pagebuf`): ranges and single CPUs
/// separated by commas, a newline after, and an empty line for an empty set.
@Suite struct CPUListTests {
    @Test(arguments: [
        ("0-3\n", [0, 1, 2, 3]),
        ("0\n", [0]),
        ("0-1,4-5,7\n", [0, 1, 4, 5, 7]),
        ("\n", []),
        ("", []),
    ])
    func parses(_ text: String, _ expected: [Int]) {
        #expect(CPUList(parsing: text)?.cpus == expected)
    }

    @Test(arguments: ["3-1", "a", "1,,2", "-1", "0-", "1-2-3", "99999", "0-9999999", " 1 2"])
    func rejectsMalformedLists(_ text: String) {
        #expect(CPUList(parsing: text) == nil)
    }

    @Test func printsTheKernelForm() {
        #expect(CPUList([7, 0, 1, 2, 3, 5]).description == "0-3,5,7")
        #expect(CPUList([]).description == "")
    }
}
