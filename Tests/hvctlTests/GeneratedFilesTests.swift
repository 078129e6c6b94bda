import Foundation
import Testing

/// Help, man pages and completions come from the command declarations (style.md); a committed
/// copy that no longer matches them fails here. `.ci/regenerate` rewrites them, and
/// `.ci/check-generated` (run by CI) compares the man pages byte for byte.
@Suite struct GeneratedFilesTests {
    @Test(arguments: [("bash", "hvctl.bash"), ("zsh", "_hvctl"), ("fish", "hvctl.fish")])
    func completionsAreFresh(_ shell: String, _ file: String) throws {
        let result = try CommandHarness.runBinary(["--generate-completion-script", shell])
        #expect(result.status == 0)
        let committed = try String(
            contentsOf: FixturePaths.packageRoot.appendingPathComponent("completions/\(file)"), encoding: .utf8)
        #expect(result.stdout == committed, "completions/\(file) is stale: run .ci/regenerate")
    }

    /// Every command has a page, and every option and abstract the binary declares is on it.
    @Test func manPagesCoverEveryCommandAndOption() throws {
        let dump = try CommandHarness.runBinary(["--experimental-dump-help"])
        let info = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let root = try #require(info["command"] as? [String: Any])
        try check(root, page: "hvctl")
    }

    private func check(_ command: [String: Any], page: String) throws {
        let url = FixturePaths.packageRoot.appendingPathComponent("man/\(page).1")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\\", with: "")
        if let abstract = command["abstract"] as? String {
            #expect(text.contains(abstract), "man/\(page).1 lacks the abstract \"\(abstract)\": run .ci/regenerate")
        }
        for argument in command["arguments"] as? [[String: Any]] ?? [] {
            guard let names = argument["names"] as? [[String: Any]], let name = names.first?["name"] as? String else {
                continue
            }
            #expect(text.contains("Fl -\(name)") || text.contains("Fl \(name)"), "man/\(page).1 lacks --\(name)")
            if let abstract = argument["abstract"] as? String {
                #expect(text.contains(abstract), "man/\(page).1 lacks the help of --\(name): run .ci/regenerate")
            }
        }
        for sub in command["subcommands"] as? [[String: Any]] ?? [] {
            guard let name = sub["commandName"] as? String, name != "help" else { continue }
            try check(sub, page: "\(page).\(name)")
        }
    }
}
