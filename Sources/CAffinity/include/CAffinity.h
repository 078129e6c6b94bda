#ifndef HVCTL_CAFFINITY_H
#define HVCTL_CAFFINITY_H

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

#endif
