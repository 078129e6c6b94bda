// klogctl(3) (syslog(2)): the kernel-log fallback when /dev/kmsg cannot be opened. Glibc's Swift overlay
// does not import <sys/klog.h>.
#include "CAffinity.h"

#include <errno.h>
#include <sys/klog.h>

int hvctl_klog_size(void) {
    int size = klogctl(HVCTL_SYSLOG_ACTION_SIZE_BUFFER, 0, 0);
    return size < 0 ? -errno : size;
}

int hvctl_klog_read_all(char *buffer, int length) {
    int count = klogctl(HVCTL_SYSLOG_ACTION_READ_ALL, buffer, length);
    return count < 0 ? -errno : count;
}
