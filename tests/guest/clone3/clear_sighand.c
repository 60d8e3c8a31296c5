/* clone3's CLONE_CLEAR_SIGHAND: the child starts with every handled
 * signal back at SIG_DFL while ignored ones stay ignored; with
 * CLONE_SIGHAND it is EINVAL, and so is an unknown flag bit. */
#include "guest.h"
#include <sched.h>
#include <signal.h>
#include <stdint.h>

struct clone_args {
    uint64_t flags, pidfd, child_tid, parent_tid, exit_signal;
    uint64_t stack, stack_size, tls, set_tid, set_tid_size, cgroup;
};
#ifndef CLONE_CLEAR_SIGHAND
#define CLONE_CLEAR_SIGHAND 0x100000000ULL
#endif

static void handler(int sig) { (void)sig; }

int main(void)
{
    struct clone_args ca;
    struct sigaction sa;
    int st;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
    sa.sa_handler = SIG_IGN;
    CHECK_OK(sigaction(SIGUSR2, &sa, NULL));

    memset(&ca, 0, sizeof ca);
    ca.flags = CLONE_CLEAR_SIGHAND;
    ca.exit_signal = SIGCHLD;
    long pid = CHECK_OK(syscall(SYS_clone3, &ca, sizeof ca));
    if (pid == 0) {
        struct sigaction o1, o2;
        if (sigaction(SIGUSR1, NULL, &o1) != 0 || sigaction(SIGUSR2, NULL, &o2) != 0)
            _exit(2);
        _exit(o1.sa_handler == SIG_DFL && o2.sa_handler == SIG_IGN ? 0 : 3);
    }
    CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
    /* The parent keeps its handler. */
    CHECK_OK(sigaction(SIGUSR1, NULL, &sa));
    CHECK(sa.sa_handler == handler);

    ca.flags = CLONE_CLEAR_SIGHAND | CLONE_SIGHAND | CLONE_VM;
    CHECK_ERR(syscall(SYS_clone3, &ca, sizeof ca), EINVAL);
    ca.flags = 1ULL << 40;
    CHECK_ERR(syscall(SYS_clone3, &ca, sizeof ca), EINVAL);
    return 0;
}
