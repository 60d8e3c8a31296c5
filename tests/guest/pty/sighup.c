/* Closing the master of a session's controlling terminal sends SIGHUP to
 * the session leader. */
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
        if (open(ptsname(m), O_RDWR) < 0)
            _exit(2);
        close(m);
        if (write(ready[1], "x", 1) != 1)
            _exit(3);
        for (;;)
            pause();
    }
    char c;
    CHECK(read(ready[0], &c, 1) == 1);
    close(s);
    close(m);
    int st;
    CHECK(waitpid(pid, &st, 0) == pid);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGHUP);
    return 0;
}
