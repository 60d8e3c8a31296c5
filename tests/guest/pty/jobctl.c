/* Job control: a background process group that reads its controlling
 * terminal is stopped by SIGTTIN; with TOSTOP, one that writes is stopped
 * by SIGTTOU (without TOSTOP the write goes through). */
#include "guest.h"
#include <signal.h>
#include <termios.h>

static int m;

/* Forks a member of a new background group running fn: its wait status. */
static int background(void (*fn)(int), int t)
{
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        fn(t);
        _exit(0);
    }
    setpgid(pid, pid);
    int st;
    if (waitpid(pid, &st, WUNTRACED) != pid)
        _exit(10);
    if (WIFSTOPPED(st)) {
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
    }
    return st;
}

static void do_read(int t) { char c; if (read(t, &c, 1) < 0) _exit(11); }
static void do_write(int t) { if (write(t, "w", 1) != 1) _exit(12); }

static void leader(void)
{
    CHECK_OK(setsid());
    int t = CHECK_OK(open(ptsname(m), O_RDWR));
    int st = background(do_read, t);
    CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGTTIN);
    st = background(do_write, t);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    struct termios tio;
    CHECK_OK(tcgetattr(t, &tio));
    tio.c_lflag |= TOSTOP;
    CHECK_OK(tcsetattr(t, TCSANOW, &tio));
    st = background(do_write, t);
    CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGTTOU);
}

int main(void)
{
    int s;
    open_pty(&m, &s);
    run_in_child(leader);
    return 0;
}
