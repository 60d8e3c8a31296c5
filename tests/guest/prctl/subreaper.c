/* PR_SET_CHILD_SUBREAPER: an orphaned grandchild goes to its nearest living subreaper
 * ancestor (not init), which can then wait for it; PR_GET_CHILD_SUBREAPER reports the
 * flag, which a child does not inherit. */
#include "guest.h"
#include <sys/prctl.h>
#include <sys/wait.h>

#define T(cond) do { if (!(cond)) { fprintf(stderr, "reaper: %s\n", #cond); _exit(1); } } while (0)

/* The subreaper: forks a middle process that forks a grandchild and exits. */
static void reaper(void)
{
    int fl = -1, p[2], q[2];

    T(prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0);
    T(prctl(PR_GET_CHILD_SUBREAPER, &fl, 0, 0, 0) == 0 && fl == 1);
    T(pipe(p) == 0 && pipe(q) == 0);   /* p: EOF for the grandchild; q: its pid */
    pid_t me = getpid(), mid = fork();
    T(mid >= 0);
    if (mid == 0) {
        int f = -1;
        if (prctl(PR_GET_CHILD_SUBREAPER, &f, 0, 0, 0) != 0 || f != 0)
            _exit(1);
        pid_t g = fork();
        if (g < 0)
            _exit(2);
        if (g == 0) {
            char c;
            close(p[1]);
            if (read(p[0], &c, 1) != 0)     /* until the reaper closes it */
                _exit(3);
            _exit(getppid() == me ? 42 : 4);
        }
        if (write(q[1], &g, sizeof g) != sizeof g)
            _exit(5);
        _exit(0);
    }
    pid_t g;
    T(read(q[0], &g, sizeof g) == sizeof g);
    int status;
    T(waitpid(mid, &status, 0) == mid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    close(p[1]);
    T(waitpid(g, &status, 0) == g);
    T(WIFEXITED(status) && WEXITSTATUS(status) == 42);
    _exit(0);
}

int main(void)
{
    int fl = -1;
    CHECK_OK(prctl(PR_GET_CHILD_SUBREAPER, &fl, 0, 0, 0));
    CHECK(fl == 0);
    CHECK_ERR(prctl(PR_GET_CHILD_SUBREAPER, BAD_PTR, 0, 0, 0), EFAULT);
    pid_t pid = CHECK_OK(fork());
    if (pid == 0)
        reaper();
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return 0;
}
