/* TIOCSWINSZ on the master sets what TIOCGWINSZ reads on both sides and
 * sends SIGWINCH to the foreground group; setting the same size again
 * sends nothing. */
#include "guest.h"
#include <signal.h>
#include <sys/ioctl.h>

static volatile sig_atomic_t winch;
static void on_winch(int sig) { (void)sig; winch++; }

int main(void)
{
    int m, s, ready[2];
    open_pty(&m, &s);
    struct winsize ws = { .ws_row = 24, .ws_col = 80 }, got;
    CHECK_OK(ioctl(m, TIOCSWINSZ, &ws));
    CHECK_OK(ioctl(s, TIOCGWINSZ, &got));
    CHECK(got.ws_row == 24 && got.ws_col == 80);
    CHECK_OK(pipe(ready));
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        sigset_t block, old;
        sigemptyset(&block);
        sigaddset(&block, SIGWINCH);
        sigprocmask(SIG_BLOCK, &block, &old);
        signal(SIGWINCH, on_winch);
        setsid();
        if (open(ptsname(m), O_RDWR) < 0)
            _exit(2);
        if (write(ready[1], "x", 1) != 1)
            _exit(3);
        alarm(10);
        while (winch == 0)
            sigsuspend(&old);
        struct winsize w;
        int t = open("/dev/tty", O_RDWR);
        if (t < 0 || ioctl(t, TIOCGWINSZ, &w) != 0 || w.ws_row != 50)
            _exit(4);
        _exit(0);
    }
    char c;
    CHECK(read(ready[0], &c, 1) == 1);
    ws.ws_row = 50;
    CHECK_OK(ioctl(m, TIOCSWINSZ, &ws));
    int st;
    CHECK(waitpid(pid, &st, 0) == pid);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    return 0;
}
