/// GUID text as sysfs prints it (`{f8615163-df3e-46c5-913f-f2d2f965ed0e}`, reference §3.2), normalised
/// to lower case without braces.
public enum GUIDText {
    public static func normalized(_ text: String) -> String {
        var value = Substring(text.lowercased())
        if value.first == "{" { value.removeFirst() }
        if value.last == "}" { value.removeLast() }
        return String(value)
    }

    /// Whether normalised text could be a GUID or its start (`4e8b2d71`, `4e8b2d71-a05c`): hex
    /// digits and dashes only, not empty.
    public static func isGUIDPrefix(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 36 && text.utf8.allSatisfy { ASCII.isGUIDByte($0) }
    }
}
