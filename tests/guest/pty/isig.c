/* ISIG: VINTR typed on the master sends SIGINT to the foreground process
 * group of the terminal (here a child that made it its controlling tty by
 * opening it as a new session's leader) and echoes as ^C. */
#include "guest.h"
#include <signal.h>

int main(void)
{
    int m, s, ready[2];
    open_pty(&m, &s);
    CHECK_OK(pipe(ready));
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        setsid();
        int t = open(ptsname(m), O_RDWR);               /* acquires it */
        if (t < 0 || tcgetpgrp(t) != getpid())
            _exit(2);
        if (write(ready[1], "x", 1) != 1)
            _exit(3);
        for (;;)
            pause();
    }
    char c;
    CHECK(read(ready[0], &c, 1) == 1);
    CHECK(write(m, "\003", 1) == 1);
    int st;
    CHECK(waitpid(pid, &st, 0) == pid);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGINT);
    EXPECT_READ(m, "^C");
    return 0;
}
