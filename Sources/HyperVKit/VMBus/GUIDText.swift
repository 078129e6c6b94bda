/// GUID text as sysfs prints it (`{f8615163-df3e-46c5-913f-f2d2f965ed0e}`, reference §3.2), normalised
/// to lower case without braces.
public enum GUIDText {
    public static func normalized(_ text: String) -> String {
        var value = Substring(text.lowercased())
        if value.first == "{" { value.removeFirst() }
        if value.last == "}" { value.removeLast() }
        return String(value)
    }
}
