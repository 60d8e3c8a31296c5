/* clone(CLONE_PARENT) makes the caller's sibling: its parent is the
 * caller's parent, which reaps it, and it ends with the caller's exit
 * signal (SIGCHLD here), whatever the clone asked for; the caller itself
 * cannot wait for it (ECHILD). */
#include "guest.h"
#include <sched.h>
#include <signal.h>

int main(void)
{
    int p[2], st;
    pid_t me = getpid(), sib = 0, got;

    CHECK_OK(pipe(p));
    pid_t mid = CHECK_OK(fork());
    if (mid == 0) {
        /* Exit signal 0 asked for; CLONE_PARENT takes ours, SIGCHLD. */
        long c = syscall(SYS_clone, CLONE_PARENT, 0, NULL, NULL, 0);
        if (c == 0) {
            pid_t pp = getppid();
            if (write(p[1], &pp, sizeof pp) != sizeof pp)
                _exit(9);
            _exit(7);
        }
        if (c < 0)
            _exit(2);
        if (write(p[1], &c, sizeof(pid_t)) != sizeof(pid_t))
            _exit(3);
        _exit(waitpid((pid_t)c, &st, 0) == -1 && errno == ECHILD ? 0 : 4);
    }
    /* Two words in either order: the sibling's parent pid, which must be
     * ours, and the sibling's pid from the middle process. */
    pid_t w[2];
    CHECK(read(p[0], &w[0], sizeof w[0]) == sizeof w[0]);
    CHECK(read(p[0], &w[1], sizeof w[1]) == sizeof w[1]);
    if (w[0] == me)
        sib = w[1];
    else if (w[1] == me)
        sib = w[0];
    else
        FAIL("the sibling's parent is not us: %d %d", (int)w[0], (int)w[1]);

    CHECK(waitpid(mid, &st, 0) == mid);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    got = waitpid(sib, &st, 0);     /* no __WCLONE: its exit signal is SIGCHLD */
    CHECK(got == sib);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 7);
    CHECK_ERR(waitpid(-1, &st, WNOHANG), ECHILD);
    return 0;
}
