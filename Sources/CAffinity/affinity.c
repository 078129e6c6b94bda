// Thin wrappers over sched_setaffinity/sched_getcpu: Swift's Glibc overlay lacks them and the CPU_SET macros.
#include "CAffinity.h"

#include <errno.h>
#include <sched.h>
#include <string.h>

int hvctl_affinity_save(hvctl_affinity_t *saved) {
    memset(saved->mask, 0, sizeof saved->mask);
    if (sched_getaffinity(0, sizeof saved->mask, (cpu_set_t *)saved->mask) != 0) {
        return errno;
    }
    return 0;
}

int hvctl_affinity_pin(int cpu) {
    if (cpu < 0 || cpu >= HVCTL_AFFINITY_BYTES * 8) {
        return EINVAL;
    }
    unsigned char mask[HVCTL_AFFINITY_BYTES];
    memset(mask, 0, sizeof mask);
    CPU_SET_S((size_t)cpu, sizeof mask, (cpu_set_t *)mask);
    if (sched_setaffinity(0, sizeof mask, (cpu_set_t *)mask) != 0) {
        return errno;
    }
    return 0;
}

int hvctl_affinity_restore(const hvctl_affinity_t *saved) {
    if (sched_setaffinity(0, sizeof saved->mask, (const cpu_set_t *)saved->mask) != 0) {
        return errno;
    }
    return 0;
}

int hvctl_current_cpu(void) {
    return sched_getcpu();
}
