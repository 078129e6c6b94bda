import Foundation

/// The kernel's own `tools/hv/lsvmbus`, taken from Debian's linux-source-6.1 tarball at test time
/// (never committed: it is GPL-2.0 and belongs to the kernel) and pointed at a fixture tree.
enum Lsvmbus {
    static let tarball = "/usr/src/linux-source-6.1.tar.xz"
    static let member = "linux-source-6.1/tools/hv/lsvmbus"
    /// The line lsvmbus 6.1 hard-codes; the copy run on a fixture reads the fixture's tree instead.
    static let sysPathLine = "vmbus_sys_path = '/sys/bus/vmbus/devices'"

    /// Why the comparison cannot run here, or nil when it can (python3, xz and the tarball exist).
    static var missing: String? {
        var absent: [String] = []
        if python3 == nil { absent.append("python3") }
        if executable("xz") == nil { absent.append("xz (xz-utils)") }
        if !FileManager.default.fileExists(atPath: tarball) { absent.append(tarball + " (linux-source-6.1)") }
        guard !absent.isEmpty else { return nil }
        return "lsvmbus comparison skipped: " + absent.joined(separator: ", ")
            + " missing (apt-get install python3 xz-utils linux-source-6.1)"
    }

    static var python3: URL? { executable("python3") }

    /// The script's text, extracted once per test run: unpacking one member of the 140 MB .tar.xz
    /// takes seconds. `--occurrence=1` lets tar stop at the member instead of reading to the end.
    static let script: Result<String, ScriptError> = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hvctl-lsvmbus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let tar = try CommandHarness.runExecutable(
                URL(fileURLWithPath: executable("tar")?.path ?? "/bin/tar"),
                ["-xJf", tarball, "-C", directory.path, "--occurrence=1", member])
            guard tar.status == 0 else { return .failure(ScriptError("tar failed: \(tar.stderr)")) }
            let text = try String(contentsOf: directory.appendingPathComponent(member), encoding: .utf8)
            return .success(text)
        } catch {
            return .failure(ScriptError("cannot extract \(member) from \(tarball): \(error)"))
        }
    }()

    struct ScriptError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Runs `python3 lsvmbus ARGS` with the script's sysfs path rewritten to `fixture`'s tree. The
    /// copy lives in a private temporary directory removed afterwards.
    static func run(on fixture: String, _ arguments: [String]) throws -> CommandHarness.ProcessResult {
        let original = try script.get()
        guard original.contains(sysPathLine), let python3 else {
            throw ScriptError("lsvmbus no longer holds the line \(sysPathLine)")
        }
        let devices = fixture + "/sys/bus/vmbus/devices"
        let text = original.replacingOccurrences(of: sysPathLine, with: "vmbus_sys_path = '\(devices)'")
            .replacingOccurrences(of: "#!/usr/bin/env python\n", with: "#!/usr/bin/env python3\n")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hvctl-lsvmbus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("lsvmbus")
        try text.write(to: copy, atomically: false, encoding: .utf8)  // a private directory: no rename needed
        return try CommandHarness.runExecutable(python3, [copy.path] + arguments)
    }

    /// The first executable of that name on PATH (or /usr/bin, /bin).
    static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin"]
        for directory in directories where !directory.isEmpty {
            let candidate = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        return nil
    }
}

/// One device as `lsvmbus -vv` prints it (and `hvctl vmbus devices -vv`, which keeps its format):
/// the values both must agree on.
struct LsvmbusDevice: Equatable, CustomStringConvertible {
    var relid: String
    var classID: String
    var label: String
    var deviceID: String = ""
    /// The last component of the sysfs path: the fixture's path and the machine's differ before it.
    var sysfsName: String = ""
    /// `Rel_ID=%s, target_cpu=%s` lines, in order.
    var channels: [String] = []

    var description: String {
        "\(relid) \(classID) \(label) \(deviceID) \(sysfsName) [\(channels.joined(separator: "; "))]"
    }

    /// Parses the `VMBUS ID %2s: Class_ID = %s - %s` blocks; lines neither prints in common (hvctl's
    /// `Driver:` line, blank lines) are ignored.
    static func parse(_ output: String) -> [LsvmbusDevice] {
        var devices: [LsvmbusDevice] = []
        for line in output.split(separator: "\n") {
            if line.hasPrefix("VMBUS ID "), let colon = line.range(of: ": Class_ID = "),
                let dash = line.range(of: " - ", range: colon.upperBound..<line.endIndex)
            {
                devices.append(
                    LsvmbusDevice(
                        relid: line[line.index(line.startIndex, offsetBy: 9)..<colon.lowerBound]
                            .trimmingCharacters(in: .whitespaces),
                        classID: String(line[colon.upperBound..<dash.lowerBound]),
                        label: String(line[dash.upperBound...])))
            } else if let last = devices.indices.last {
                if line.hasPrefix("\tDevice_ID = ") {
                    devices[last].deviceID = String(line.dropFirst("\tDevice_ID = ".count))
                } else if line.hasPrefix("\tSysfs path: ") {
                    devices[last].sysfsName = String(line.split(separator: "/").last ?? "")
                } else if line.hasPrefix("\tRel_ID=") {
                    devices[last].channels.append(String(line.dropFirst()))
                }
            }
        }
        return devices
    }
}
