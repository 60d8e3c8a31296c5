/* RESOLVE_NO_XDEV refuses any mount crossing with EXDEV: into /proc from /, and
 * ".." out of a mount's root; a path within one mount opens. */
#include "guest.h"
#include <stdint.h>

#ifndef SYS_openat2
#define SYS_openat2 437
#endif
struct how { uint64_t flags, mode, resolve; };   /* struct open_how */
#define RESOLVE_NO_XDEV 0x01

static long open2(int dirfd, const char *path, uint64_t resolve)
{
    struct how h = { O_RDONLY, 0, resolve };
    return syscall(SYS_openat2, dirfd, path, &h, sizeof h);
}

int main(void)
{
    CHECK(open2(AT_FDCWD, "/proc/self/status", RESOLVE_NO_XDEV) < 0 && errno == EXDEV);
    int proc = open("/proc", O_RDONLY | O_DIRECTORY);
    CHECK(proc >= 0);
    long fd = open2(proc, "self/status", RESOLVE_NO_XDEV);
    CHECK(fd >= 0);
    close((int)fd);
    CHECK(open2(proc, "../etc", RESOLVE_NO_XDEV) < 0 && errno == EXDEV);
    fd = open2(proc, "../etc", 0);
    CHECK(fd >= 0);
    return 0;
}
