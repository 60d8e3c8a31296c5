/* setsid makes the caller lead a new session and group named by its pid, which
 * getsid and getpgid report, while its parent's stay; a second call (session leader)
 * or a group leader's call fails with EPERM; a child of a session leader inherits the
 * session and may start its own; getsid(0) is the caller, getsid of no process ESRCH. */
#include "guest.h"
#include <sys/wait.h>

static int child(void)
{
    pid_t me = getpid(), sid0 = getsid(0);
    if (sid0 == me)
        return 1;
    if (setsid() != me)
        return 2;
    if (getsid(0) != me || getsid(me) != me || getpgrp() != me || getpgid(0) != me)
        return 3;
    if (setsid() != -1 || errno != EPERM)
        return 4;
    /* Our child inherits the session and group but leads neither. */
    pid_t g = fork();
    if (g < 0)
        return 5;
    if (g == 0) {
        if (getsid(0) != me || getpgrp() != me)
            _exit(1);
        if (setpgid(0, 0) != 0 || setsid() != -1 || errno != EPERM)
            _exit(2);                   /* a group leader may not */
        _exit(0);
    }
    int status;
    if (waitpid(g, &status, 0) != g || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return 10 + (WIFEXITED(status) ? WEXITSTATUS(status) : 9);
    g = fork();
    if (g < 0)
        return 6;
    if (g == 0) {
        pid_t gme = getpid();
        if (setsid() != gme || getsid(0) != gme || getpgrp() != gme || getsid(getppid()) != me)
            _exit(1);
        _exit(0);
    }
    if (waitpid(g, &status, 0) != g || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return 20 + (WIFEXITED(status) ? WEXITSTATUS(status) : 9);
    return 0;
}

int main(void)
{
    CHECK_ERR(getsid(0x3fffff00), ESRCH);
    CHECK(getsid(0) == getsid(getpid()));
    pid_t sid = getsid(0), pgrp = getpgrp();
    pid_t pid = CHECK_OK(fork());
    if (pid == 0)
        _exit(child());
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        FAIL("child failed: status %#x", status);
    CHECK(getsid(0) == sid && getpgrp() == pgrp);
    /* A group leader (pgid == pid) may not start a session. */
    pid = CHECK_OK(fork());
    if (pid == 0) {
        if (setpgid(0, 0) != 0)
            _exit(1);
        _exit(setsid() == -1 && errno == EPERM ? 0 : 2);
    }
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return 0;
}
