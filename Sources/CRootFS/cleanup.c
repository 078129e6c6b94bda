// Removal of temporary paths on SIGINT/SIGTERM/SIGHUP/SIGQUIT (issue 12: a capture or an unpacked
// snapshot may hold what only root could read; it must not stay behind in a directory others see).
// Only async-signal-safe calls run in the handler: lstat, open, getdents64 (through syscall),
// unlinkat, close, sigaction, raise.
#define _GNU_SOURCE
#include "CRootFS.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define SLOTS 32
#define MAX_DEPTH 48

static char paths[SLOTS][PATH_MAX];
static volatile sig_atomic_t used[SLOTS];
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static const int handled[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

struct linux_dirent64 {
    unsigned long long d_ino;
    long long d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

/// Removes everything inside the open directory `fd`, depth-first, never following a link.
static void empty_directory(int fd, int depth) {
    char buffer[2048];
    for (;;) {
        long count = syscall(SYS_getdents64, fd, buffer, sizeof buffer);
        if (count <= 0) {
            return;
        }
        int removed = 0;
        for (long offset = 0; offset < count;) {
            struct linux_dirent64 *entry = (struct linux_dirent64 *)(buffer + offset);
            offset += entry->d_reclen;
            const char *name = entry->d_name;
            if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) {
                continue;
            }
            if (unlinkat(fd, name, 0) == 0) {
                removed = 1;
                continue;
            }
            if (depth >= MAX_DEPTH) {
                continue;
            }
            int child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (child >= 0) {
                empty_directory(child, depth + 1);
                close(child);
            }
            if (unlinkat(fd, name, AT_REMOVEDIR) == 0) {
                removed = 1;
            }
        }
        if (removed) {
            // Entries were removed while reading: start the listing again from the top.
            lseek(fd, 0, SEEK_SET);
        }
    }
}

static void remove_path(const char *path) {
    struct stat info;
    if (lstat(path, &info) != 0) {
        return;
    }
    if (S_ISDIR(info.st_mode)) {
        int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd >= 0) {
            empty_directory(fd, 0);
            close(fd);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

static void on_signal(int signal_number) {
    for (int slot = 0; slot < SLOTS; slot++) {
        if (used[slot]) {
            remove_path(paths[slot]);
            used[slot] = 0;
        }
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(signal_number, &action, NULL);
    raise(signal_number);
}

/// Installs the handler for each signal that is not ignored, and unblocks those: a mask blocked by
/// whoever started hvctl (Foundation's Process passes its own on) would keep SIGTERM pending, and
/// the temporaries on disk, until the process ends some other way.
static void install(void) {
    sigset_t unblock;
    sigemptyset(&unblock);
    for (size_t index = 0; index < sizeof handled / sizeof handled[0]; index++) {
        struct sigaction previous;
        if (sigaction(handled[index], NULL, &previous) != 0 || previous.sa_handler == SIG_IGN) {
            // An ignored signal (nohup) stays ignored.
            continue;
        }
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_signal;
        sigfillset(&action.sa_mask);
        sigaction(handled[index], &action, NULL);
        sigaddset(&unblock, handled[index]);
    }
    pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
}

int hvctl_cleanup_register(const char *path) {
    size_t length = strlen(path);
    if (length == 0 || length >= PATH_MAX) {
        return -1;
    }
    pthread_once(&install_once, install);
    pthread_mutex_lock(&table_lock);
    int found = -1;
    for (int slot = 0; slot < SLOTS; slot++) {
        if (!used[slot]) {
            memcpy(paths[slot], path, length + 1);
            used[slot] = 1;
            found = slot;
            break;
        }
    }
    pthread_mutex_unlock(&table_lock);
    return found;
}

void hvctl_cleanup_forget(int slot) {
    if (slot < 0 || slot >= SLOTS) {
        return;
    }
    pthread_mutex_lock(&table_lock);
    used[slot] = 0;
    pthread_mutex_unlock(&table_lock);
}
