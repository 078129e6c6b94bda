// Runs one command RUNS times by fork/exec (no shell) and prints its median and p90 wall time, its
// peak RSS and its median CPU time (user + system: steadier than wall time on a shared machine). The launcher is a small C program because a child's ru_maxrss includes the memory
// of the process it was forked from: measured from Python, every command would weigh ~10 MB more.
//
// usage: measure RUNS LABEL CMD [ARGS...]
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: measure RUNS LABEL CMD [ARGS...]\n");
        return 64;
    }
    int runs = atoi(argv[1]);
    if (runs < 1) runs = 1;
    double *times = calloc((size_t)runs + 1, sizeof(double));
    double *cpu = calloc((size_t)runs + 1, sizeof(double));
    long peak = 0;
    int status_seen = -1;
    for (int i = -1; i < runs; i++) {  // run -1 warms the page cache and is not counted
        struct timespec start, end;
        clock_gettime(CLOCK_MONOTONIC, &start);
        pid_t pid = fork();
        if (pid == 0) {
            int null = open("/dev/null", O_WRONLY);
            dup2(null, 1);
            dup2(null, 2);
            execv(argv[3], argv + 3);
            _exit(127);
        }
        int status = 0;
        struct rusage usage;
        wait4(pid, &status, 0, &usage);
        clock_gettime(CLOCK_MONOTONIC, &end);
        if (i < 0) continue;
        times[i] = (double)(end.tv_sec - start.tv_sec) * 1e3 + (double)(end.tv_nsec - start.tv_nsec) / 1e6;
        cpu[i] = (double)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
                 (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
        if (usage.ru_maxrss > peak) peak = usage.ru_maxrss;
        status_seen = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    qsort(times, (size_t)runs, sizeof(double), compare);
    double median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
    double p90 = times[(runs * 9 + 9) / 10 - 1];
    qsort(cpu, (size_t)runs, sizeof(double), compare);
    double cpu_median = runs % 2 ? cpu[runs / 2] : (cpu[runs / 2 - 1] + cpu[runs / 2]) / 2;
    printf("%-34s %5d %10.2f %8.2f %12.1f %5d %8.2f\n", argv[2], runs, median, p90, (double)peak / 1024, status_seen,
           cpu_median);
    return 0;
}
