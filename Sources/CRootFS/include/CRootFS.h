#ifndef HVCTL_CROOTFS_H
#define HVCTL_CROOTFS_H

/// Opens `path` (relative) beneath the directory `rootfd` as if `rootfd` were `/`: symlinks, absolute or
/// relative, and `..` can never leave it (openat2 with RESOLVE_IN_ROOT, Linux 5.6+).
/// Returns a file descriptor, or a negative errno value. -ENOSYS (or -EPERM from an old seccomp
/// profile) means openat2 is unavailable and the caller must resolve the path itself.
/// O_PATH, which Glibc hides without _GNU_SOURCE (the same value on x86-64 and arm64).
#define HVCTL_O_PATH 010000000

int hvctl_open_in_root(int rootfd, const char *path, int flags);

/// Temporary paths (files or whole directories) that must not outlive the process when SIGINT,
/// SIGTERM, SIGHUP or SIGQUIT ends it: a capture in progress, an unpacked snapshot. The handler
/// (installed on the first registration) removes every registered path with async-signal-safe
/// calls only, restores the default action and raises the signal again, so the exit status is
/// still the signal's. Returns a slot for `hvctl_cleanup_forget`, or -1 when the table is full or
/// the path too long (the caller then goes on without that protection).
int hvctl_cleanup_register(const char *path);

/// Forgets a slot (the path was renamed into place or removed normally).
void hvctl_cleanup_forget(int slot);

#endif
