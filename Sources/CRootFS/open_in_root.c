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
    long fd = syscall(SYS_openat2, rootfd, path, &how, sizeof how);
    if (fd < 0) {
        return -errno;
    }
    return (int)fd;
#else
    (void)rootfd; (void)path; (void)flags;
    return -ENOSYS;
#endif
}
