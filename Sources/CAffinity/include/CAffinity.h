#ifndef HVCTL_CAFFINITY_H
#define HVCTL_CAFFINITY_H

// Small libc wrappers HyperVLive needs and Swift's Glibc overlay lacks: thread CPU affinity and klogctl.

/// Room for 4096 CPUs: Hyper-V allows up to 2048 virtual processors per partition (x86).
#define HVCTL_AFFINITY_BYTES 512

/// An opaque copy of a thread's CPU affinity mask, so it can be restored after pinning.
typedef struct hvctl_affinity {
    unsigned char mask[HVCTL_AFFINITY_BYTES];
} hvctl_affinity_t;

/// Saves the calling thread's affinity. Returns 0, or an errno value.
int hvctl_affinity_save(hvctl_affinity_t *saved);

/// Pins the calling thread to one CPU. Returns 0, or an errno value (EINVAL: offline or absent CPU).
int hvctl_affinity_pin(int cpu);

/// Restores an affinity saved by hvctl_affinity_save. Returns 0, or an errno value.
int hvctl_affinity_restore(const hvctl_affinity_t *saved);

/// The CPU the calling thread runs on now, or -1 with errno set.
int hvctl_current_cpu(void);

/// syslog(2) actions (include/linux/syslog.h): read the whole ring buffer without clearing it, and its size.
#define HVCTL_SYSLOG_ACTION_READ_ALL 3
#define HVCTL_SYSLOG_ACTION_SIZE_BUFFER 10

/// The size of the kernel log buffer (syslog(2) SYSLOG_ACTION_SIZE_BUFFER), or -errno.
int hvctl_klog_size(void);

/// Copies the kernel log into `buffer` (syslog(2) SYSLOG_ACTION_READ_ALL, which does not clear it).
/// Returns the number of bytes copied, or -errno (EPERM under kernel.dmesg_restrict=1 without CAP_SYSLOG).
int hvctl_klog_read_all(char *buffer, int length);

/// The file system type (`f_type` of fstatfs(2), e.g. SYSFS_MAGIC 0x62656572) of an open file, or -1.
long hvctl_filesystem_type(int fd);

#endif
