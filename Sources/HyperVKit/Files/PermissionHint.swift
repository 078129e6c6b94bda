#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The hint for EACCES or EPERM. "Run as root" is wrong advice to root (issue 12): there the
/// refusal comes from a missing capability (a container, a user namespace), an LSM policy, kernel
/// lockdown or a read-only mount, and the hint says so.
public enum PermissionHint {
    public static func hint(_ unprivileged: String = "run as root") -> String {
        runsAsRoot
            ? "hvctl already runs as root: a missing capability (a container or user namespace), an LSM policy, "
                + "lockdown or a read-only mount refuses it"
            : unprivileged
    }

    public static var runsAsRoot: Bool { geteuid() == 0 }
}
