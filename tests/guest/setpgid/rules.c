/* setpgid: a child before exec may be moved into its own or an existing group of the
 * session; after exec EACCES; a child in another session EPERM; a session leader EPERM;
 * a group that does not exist EPERM; a process neither self nor child ESRCH; a negative
 * pgid EINVAL.  getpgid sees the result; getpgid of no process is ESRCH. */
#include "guest.h"
#include <sys/wait.h>
#include <time.h>

/* A child that waits for a byte (or EOF) on fd, then exits 0; before that it runs
 * setsid() when asked to. */
static pid_t spawn(int fd, int wfd, int do_setsid)
{
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        char c;
        close(wfd);
        if (do_setsid && setsid() < 0)
            _exit(2);
        if (read(fd, &c, 1) < 0)
            _exit(3);
        _exit(0);
    }
    return pid;
}

static void reap(pid_t pid)
{
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    pid_t a = spawn(p[0], p[1], 0), b = spawn(p[0], p[1], 0);

    CHECK_ERR(setpgid(a, -1), EINVAL);
    CHECK_ERR(setpgid(0x3fffff00, 0), ESRCH);
    CHECK_ERR(getpgid(0x3fffff00), ESRCH);
    CHECK(getpgid(a) == getpgrp());
    CHECK(getpgid(0) == getpgrp());

    /* a leads a new group; b joins it; a group nobody has is EPERM. */
    CHECK_OK(setpgid(a, 0));
    CHECK(getpgid(a) == a);
    CHECK_OK(setpgid(b, a));
    CHECK(getpgid(b) == a);
    CHECK_ERR(setpgid(b, 0x3fffff00), EPERM);
    CHECK_OK(setpgid(b, getpgrp()));
    CHECK(getpgid(b) == getpgrp());

    /* Only self and children: a child may not move its parent or sibling. */
    pid_t c = CHECK_OK(fork());
    if (c == 0) {
        if (setpgid(getppid(), 0) != -1 || errno != ESRCH)
            _exit(1);
        if (setpgid(b, 0) != -1 || errno != ESRCH)
            _exit(2);
        if (setpgid(0, 0) != 0 || getpgrp() != getpid())
            _exit(3);
        _exit(0);
    }
    reap(c);

    /* A child that made its own session: EPERM from the parent and for itself. */
    int q[2];
    CHECK_OK(pipe(q));
    pid_t s = spawn(q[0], q[1], 1);
    for (int i = 0; i < 20000 && getsid(s) != s; i++)
        nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
    CHECK(getsid(s) == s);
    CHECK_ERR(setpgid(s, 0), EPERM);
    CHECK_ERR(setpgid(s, getpgrp()), EPERM);
    close(q[1]);
    reap(s);

    pid_t l = CHECK_OK(fork());
    if (l == 0) {
        if (setsid() != getpid())
            _exit(1);
        if (setpgid(0, 0) != -1 || errno != EPERM)
            _exit(2);
        _exit(0);
    }
    reap(l);

    close(p[1]);
    reap(a);
    reap(b);
    close(p[0]);
    return 0;
}
