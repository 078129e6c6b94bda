// fstatfs(2): Glibc's Swift module does not export <sys/vfs.h>.
#include "CAffinity.h"

#include <sys/vfs.h>

long hvctl_filesystem_type(int fd) {
    struct statfs info;
    if (fstatfs(fd, &info) != 0) {
        return -1;
    }
    return (long)info.f_type;
}
