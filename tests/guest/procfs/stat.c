/* /proc/self/stat and /proc/self/status agree with the calls: pid, the command name
 * in parentheses, parent, group, session, thread count, ids. */
#include "guest.h"

static void read_file(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        FAIL("open %s: %s", path, strerror(errno));
    ssize_t n = read(fd, buf, size - 1);
    if (n <= 0)
        FAIL("read %s", path);
    buf[n] = '\0';
    close(fd);
}

int main(void)
{
    char buf[4096], comm[64], state;
    int pid, ppid, pgrp, sid, tty, tpgid;
    read_file("/proc/self/stat", buf, sizeof buf);
    char *open_p = strchr(buf, '('), *close_p = strrchr(buf, ')');
    CHECK(open_p != NULL && close_p != NULL);
    CHECK(sscanf(buf, "%d", &pid) == 1 && pid == getpid());
    snprintf(comm, sizeof comm, "%.*s", (int)(close_p - open_p - 1), open_p + 1);
    CHECK(sscanf(close_p + 2, "%c %d %d %d %d %d", &state, &ppid, &pgrp, &sid, &tty,
                 &tpgid) == 6);
    CHECK(ppid == getppid() && pgrp == getpgrp() && sid == getsid(0));
    /* Field 20 is the thread count. */
    char *f = close_p + 2;
    for (int i = 3; i < 20; i++)
        f = strchr(f, ' ') + 1;
    CHECK(atoi(f) == 1);
    read_file("/proc/self/status", buf, sizeof buf);
    char want[128];
    snprintf(want, sizeof want, "Name:\t%s\n", comm);
    CHECK(strncmp(buf, want, strlen(want)) == 0);
    snprintf(want, sizeof want, "\nPid:\t%d\nPPid:\t%d\n", pid, ppid);
    CHECK(strstr(buf, want) != NULL);
    snprintf(want, sizeof want, "\nUid:\t%d\t%d\t", (int)getuid(), (int)geteuid());
    CHECK(strstr(buf, want) != NULL);
    CHECK(strstr(buf, "\nThreads:\t1\n") != NULL);
    read_file("/proc/self/comm", buf, sizeof buf);
    snprintf(want, sizeof want, "%s\n", comm);
    CHECK(strcmp(buf, want) == 0);
    return 0;
}
