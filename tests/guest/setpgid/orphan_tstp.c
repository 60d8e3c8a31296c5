/* POSIX's orphaned process group: a process whose group has no member with a parent
 * in another group of the session (here: a new session's leader exited) discards
 * SIGTSTP, SIGTTIN and SIGTTOU with the default action instead of stopping, while
 * SIGSTOP still stops it. */
#include "guest.h"
#include <signal.h>

int main(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    pid_t c = fork();
    CHECK(c >= 0);
    if (c == 0) {
        if (setsid() < 0)
            _exit(2);
        pid_t g = fork();
        if (g < 0)
            _exit(3);
        if (g == 0) {
            close(p[0]);
            while (getppid() == getpgrp() || getppid() == getsid(0))
                usleep(1000);           /* until the session leader is gone */
            raise(SIGTSTP);
            raise(SIGTTIN);
            raise(SIGTTOU);
            if (write(p[1], "alive", 5) != 5)
                _exit(4);
            _exit(0);
        }
        _exit(0);
    }
    close(p[1]);
    int status;
    CHECK(waitpid(c, &status, 0) == c && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    char buf[8];
    CHECK(read(p[0], buf, sizeof buf) == 5 && memcmp(buf, "alive", 5) == 0);
    return 0;
}
