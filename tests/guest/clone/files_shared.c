/* clone(CLONE_FILES) without CLONE_VM makes a process that shares the
 * caller's descriptor table: a descriptor the child opens is the parent's
 * too, and one it closes is gone for both; after close_range's
 * CLOSE_RANGE_UNSHARE the child's table is its own. */
#include "guest.h"
#include <sched.h>
#include <signal.h>

#ifndef CLOSE_RANGE_UNSHARE
#define CLOSE_RANGE_UNSHARE (1U << 1)
#endif

static void in_child(int (*fn)(void))
{
    int st;
    long pid = CHECK_OK(syscall(SYS_clone, CLONE_FILES | SIGCHLD, 0, NULL, NULL, 0));
    if (pid == 0)
        _exit(fn());
    CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

static int open_100(void)
{
    int fd = open("/dev/null", O_WRONLY);
    return fd >= 0 && dup2(fd, 100) == 100 && close(fd) == 0 ? 0 : 2;
}

static int close_100(void)
{
    return close(100) == 0 ? 0 : 2;
}

static int unshare_then_dup(void)
{
    if (syscall(SYS_close_range, 200, 300, CLOSE_RANGE_UNSHARE) != 0)
        return 2;
    return dup2(1, 101) == 101 && close(100) == 0 ? 0 : 3;
}

int main(void)
{
    struct stat a, b;

    in_child(open_100);
    CHECK_OK(fstat(100, &a));
    CHECK_OK(stat("/dev/null", &b));
    CHECK(S_ISCHR(a.st_mode) && a.st_rdev == b.st_rdev);
    CHECK(CHECK_OK(fcntl(100, F_GETFL)) & O_WRONLY);
    in_child(close_100);
    CHECK_ERR(fcntl(100, F_GETFD), EBADF);

    in_child(open_100);
    in_child(unshare_then_dup);
    CHECK_ERR(fcntl(101, F_GETFD), EBADF);
    CHECK_OK(fcntl(100, F_GETFD));
    return 0;
}
