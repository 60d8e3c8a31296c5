/* When a process's exit orphans a process group that has a stopped member, the group
 * gets SIGHUP and then SIGCONT (POSIX; kernel/exit.c kill_orphaned_pgrp): here a child
 * makes its own group, its own child stops in it, and the child exits. */
#include "guest.h"
#include <signal.h>

static int out;

static void on_hup(int sig)
{
    (void)sig;
    if (write(out, "hup", 3) != 3)
        _exit(5);
    _exit(0);
}

int main(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    pid_t c = fork();
    CHECK(c >= 0);
    if (c == 0) {
        if (setpgid(0, 0) < 0)
            _exit(2);
        pid_t g = fork();
        if (g < 0)
            _exit(3);
        if (g == 0) {
            close(p[0]);
            out = p[1];
            signal(SIGHUP, on_hup);
            raise(SIGSTOP);
            _exit(6);                   /* continued without SIGHUP */
        }
        int st;
        if (waitpid(g, &st, WUNTRACED) != g || !WIFSTOPPED(st))
            _exit(4);
        _exit(0);
    }
    close(p[1]);
    int status;
    CHECK(waitpid(c, &status, 0) == c && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    char buf[8];
    CHECK(read(p[0], buf, sizeof buf) == 3 && memcmp(buf, "hup", 3) == 0);
    return 0;
}
