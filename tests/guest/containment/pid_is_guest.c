/* The program runs in a kernel of its own, not under a host pid: it is pid 1 with
 * parent 0, or, run by the boot's first program (/tests/batch), that program's
 * child, and pid 1 is then the one whose parent is 0.  Trellis only. */
/* guest-test: trellis-only */
#include "guest.h"

int main(void)
{
    long pid = syscall(SYS_getpid), ppid = syscall(SYS_getppid);
    if (pid == 1) {
        CHECK(ppid == 0);
        return 0;
    }
    CHECK(ppid == 1);
    char buf[256];
    int fd = CHECK_OK(open("/proc/1/stat", O_RDONLY));
    ssize_t n = CHECK_OK(read(fd, buf, sizeof buf - 1));
    close(fd);
    buf[n] = '\0';
    const char *end = strrchr(buf, ')');   /* "1 (comm) S 0 ..." */
    CHECK(end != NULL);
    int ppid1 = -1;
    CHECK(sscanf(end + 1, " %*c %d", &ppid1) == 1);
    CHECK(ppid1 == 0);
    return 0;
}
