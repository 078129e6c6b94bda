import Foundation
import HyperVKit
import Testing

@testable import hvctl

/// Help, man pages and completions come from the command declarations (docs/architecture.md ("Style")); a committed
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

    /// Issue 14: every page, as `man -l` renders it, has no stray backslash, an ENVIRONMENT
    /// section, and the real exit-status table in EXIT STATUS (never mdoc's generic "exits 0 on
    /// success, and >0 if an error occurs", which contradicts exit 1 = "the answer is no").
    @Test func manPagesRenderWithTheRealExitStatus() throws {
        guard let man = Lsvmbus.executable("man") else {
            Issue.record("man missing (apt-get install man-db)")
            return
        }
        let directory = FixturePaths.packageRoot.appendingPathComponent("man")
        let pages = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".1") }
        #expect(pages.count >= 20)
        for page in pages.sorted() {
            let rendered = try CommandHarness.runExecutable(
                man, ["-l", directory.appendingPathComponent(page).path],
                environment: ["MANWIDTH": "80", "MAN_KEEP_FORMATTING": "0", "LC_ALL": "C.UTF-8"])
            #expect(rendered.status == 0, "\(page): \(rendered.stderr)")
            let text = rendered.stdout.replacing(/.\x08/, with: "")
            #expect(!text.contains("\\"), "\(page) renders a backslash")
            #expect(!text.contains(">0 if an error occurs"), "\(page) has the generic exit status")
            let sections = text.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.isEmpty }.map(String.init)
            #expect(sections.contains("ENVIRONMENT") && sections.contains("EXIT STATUS"), "\(page): \(sections)")
            let exitSection = text.components(separatedBy: "\nEXIT STATUS\n").last ?? ""
            for status in ExitStatus.allCases {
                let listed = exitSection.split(separator: "\n").contains { line in
                    line.trimmingPrefix(while: \.isWhitespace).hasPrefix("\(status.rawValue) ")
                        && line.contains(status.meaning.prefix(20))
                }
                #expect(listed, "\(page): exit \(status.rawValue) is not in EXIT STATUS")
            }
        }
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

/// What the shells complete besides commands and options (issue 14, item 7): device classes,
/// MSR names and check ids, from the same tables the parser accepts.
@Suite struct CompletionContentTests {
    private func script(_ shell: String) throws -> String {
        try CommandHarness.runBinary(["--generate-completion-script", shell]).stdout
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completesClassesMSRNamesAndCheckIDs(_ shell: String) throws {
        let text = try script(shell)
        for word in DeviceClassSelector.identifiers + ["guest_os_id", "sint2", "stimer0_config"] + HealthCatalog.ids {
            #expect(text.contains(word), "\(shell) completion lacks \(word)")
        }
        #expect(text.contains("hv_sock"))
    }
}
