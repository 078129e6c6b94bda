// openat2(2) has no glibc wrapper in Debian 12 and `syscall` is variadic, so Swift cannot call it directly.
#include "CRootFS.h"

#include <errno.h>
#include <linux/openat2.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int hvctl_open_in_root(int rootfd, const char *path, int flags) {
#ifdef SYS_openat2
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = (unsigned long long)flags;
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
    // With RESOLVE_IN_ROOT, a `..` resolved while any rename or mount happens anywhere on the system
    // fails with EAGAIN, and openat2(2) says to retry. Sysfs device links are full of `..`
    // (`devices/<guid>` -> `../../../devices/...`), so a busy machine hits this; a bounded retry
    // keeps a scan from losing a device to someone else's rename.
    long fd = -1;
    for (int attempt = 0; attempt < 64; attempt++) {
        fd = syscall(SYS_openat2, rootfd, path, &how, sizeof how);
        if (fd >= 0 || errno != EAGAIN) {
            break;
        }
    }
    if (fd < 0) {
        return -errno;
    }
    return (int)fd;
#else
    (void)rootfd; (void)path; (void)flags;
    return -ENOSYS;
#endif
}
