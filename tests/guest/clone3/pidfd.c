/* clone3(2) with CLONE_PIDFD stores a pidfd of the child (close-on-exec)
 * at args.pidfd, beside CLONE_PARENT_SETTID's own word; the pidfd becomes
 * readable when the child exits. */
#include "guest.h"
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>

/* struct clone_args of linux/sched.h, which musl's headers lack. */
struct clone_args {
    uint64_t flags, pidfd, child_tid, parent_tid, exit_signal;
    uint64_t stack, stack_size, tls, set_tid, set_tid_size, cgroup;
};
#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x1000
#endif

int main(void)
{
    struct clone_args ca;
    int pidfd = -1, ptid = 0, st;
    struct pollfd pfd = { .events = POLLIN };
    long c;

    memset(&ca, 0, sizeof ca);
    ca.flags = CLONE_PIDFD | CLONE_PARENT_SETTID;
    ca.pidfd = (uint64_t)(uintptr_t)&pidfd;
    ca.parent_tid = (uint64_t)(uintptr_t)&ptid;
    ca.exit_signal = SIGCHLD;
    c = CHECK_OK(syscall(SYS_clone3, &ca, sizeof ca));
    if (c == 0)
        _exit(5);
    CHECK(pidfd >= 0 && ptid == c);
    CHECK(CHECK_OK(fcntl(pidfd, F_GETFD)) == FD_CLOEXEC);
    pfd.fd = pidfd;
    CHECK(CHECK_OK(poll(&pfd, 1, -1)) == 1);
    CHECK(waitpid((pid_t)c, &st, 0) == c && WEXITSTATUS(st) == 5);
    /* The same word for both is refused. */
    ca.parent_tid = ca.pidfd;
    CHECK_ERR(syscall(SYS_clone3, &ca, sizeof ca), EINVAL);
    ca.flags = CLONE_PIDFD | CLONE_DETACHED;
    CHECK_ERR(syscall(SYS_clone3, &ca, sizeof ca), EINVAL);
    return 0;
}
