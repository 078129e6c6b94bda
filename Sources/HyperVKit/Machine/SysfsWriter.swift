/// The one seam every write goes through (docs/architecture.md: channel re-targeting, CPU offline), so
/// tests can inject faults, and nothing is written unless the user passed `--apply`.
public protocol SysfsWriter: Sendable {
    /// Writes `text` to an existing attribute (never creates a file). Failures keep the kernel's
    /// errno: EIO, EINVAL, EBUSY from the attribute's store routine, EACCES without root.
    func write(_ text: String, to path: String) -> Result<Void, ReadFailure>
}
