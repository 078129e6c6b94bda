#ifndef HVCTL_CROOTFS_H
#define HVCTL_CROOTFS_H

/// Opens `path` (relative) beneath the directory `rootfd` as if `rootfd` were `/`: symlinks, absolute or
/// relative, and `..` can never leave it (openat2 with RESOLVE_IN_ROOT, Linux 5.6+).
/// Returns a file descriptor, or a negative errno value. -ENOSYS (or -EPERM from an old seccomp
/// profile) means openat2 is unavailable and the caller must resolve the path itself.
/// O_PATH, which Glibc hides without _GNU_SOURCE (the same value on x86-64 and arm64).
#define HVCTL_O_PATH 010000000

int hvctl_open_in_root(int rootfd, const char *path, int flags);

#endif
