/* When a session leader with a controlling terminal exits, the terminal's
 * foreground process group gets SIGHUP. */
#include "guest.h"
#include <signal.h>

static int note[2];

static void on_hup(int sig)
{
    (void)sig;
    if (write(note[1], "H", 1) != 1)
        _exit(5);
    _exit(0);
}

int main(void)
{
    int m, s, ready[2];
    open_pty(&m, &s);
    CHECK_OK(pipe(note));
    CHECK_OK(pipe(ready));
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        setsid();
        if (open(ptsname(m), O_RDWR) < 0)
            _exit(2);
        if (fork() == 0) {                              /* same group */
            signal(SIGHUP, on_hup);
            if (write(ready[1], "x", 1) != 1)
                _exit(3);
            alarm(10);
            for (;;)
                pause();
        }
        char c;
        if (read(ready[0], &c, 1) != 1)
            _exit(4);
        _exit(0);                                       /* the leader goes */
    }
    int st;
    CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
    close(note[1]);
    char c = 0;
    struct pollfd p = { .fd = note[0], .events = POLLIN };
    CHECK(poll(&p, 1, 5000) == 1);
    CHECK(read(note[0], &c, 1) == 1 && c == 'H');
    return 0;
}
