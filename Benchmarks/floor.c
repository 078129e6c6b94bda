// The floor for reading a VMBus tree: the cheapest possible full read of every attribute file,
// each opened, read once (4096 bytes: sysfs hands a whole attribute, at most a page, to one read)
// and closed. Directories are walked with opendir/readdir and files opened relative to their
// directory (openat), so no path is resolved twice; the device links in devices/ are followed,
// the driver and subsystem links inside a device are not (they lead back up the tree).
//
// usage: floor DEVICES_DIR     (e.g. /sys/bus/vmbus/devices, or a snapshot's copy of it)
// Prints the number of files and bytes read.
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static long files, bytes;

static int is_type(int dirfd, struct dirent *entry, unsigned char type, mode_t mode) {
    if (entry->d_type != DT_UNKNOWN) return entry->d_type == type;
    struct stat info;
    return fstatat(dirfd, entry->d_name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == mode;
}

// Reads every regular file of the directory `fd` (taken over), and of its subdirectories.
static void walk(int fd) {
    DIR *dir = fdopendir(fd);
    if (!dir) {
        close(fd);
        return;
    }
    char page[4096];
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.' && (!entry->d_name[1] || (entry->d_name[1] == '.' && !entry->d_name[2])))
            continue;
        if (is_type(fd, entry, DT_REG, S_IFREG)) {
            int file = openat(fd, entry->d_name, O_RDONLY);
            if (file < 0) continue;  // an attribute the capture could not read, or EACCES live
            ssize_t count = read(file, page, sizeof page);
            close(file);
            files++;
            if (count > 0) bytes += count;
        } else if (is_type(fd, entry, DT_DIR, S_IFDIR)) {
            int sub = openat(fd, entry->d_name, O_RDONLY | O_DIRECTORY);
            if (sub >= 0) walk(sub);
        }
    }
    closedir(dir);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: floor DEVICES_DIR\n");
        return 64;
    }
    DIR *devices = opendir(argv[1]);
    if (!devices) {
        perror(argv[1]);
        return 66;
    }
    struct dirent *entry;
    while ((entry = readdir(devices))) {
        if (entry->d_name[0] == '.') continue;
        int fd = openat(dirfd(devices), entry->d_name, O_RDONLY | O_DIRECTORY);  // follows the device link
        if (fd >= 0) walk(fd);
    }
    closedir(devices);
    printf("%ld files, %ld bytes\n", files, bytes);
    return 0;
}
