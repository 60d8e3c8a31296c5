/* RLIMIT_NPROC: a non-root user's fork fails with EAGAIN once the user owns as many
 * processes as the soft limit (the caller included); root is exempt; the count drops
 * as children are reaped.  The test gives up root in a child first. */
#include "guest.h"
#include <sys/resource.h>
#include <sys/wait.h>

#define T(cond) do { if (!(cond)) { fprintf(stderr, "child: %s (errno %d)\n", #cond, errno); _exit(1); } } while (0)
#define LIMIT 4

static void child(void)
{
    struct rlimit l = { 1, LIMIT };     /* raising a hard limit needs privilege */
    int p[2], status, n;
    pid_t kids[LIMIT + 2];

    T(setrlimit(RLIMIT_NPROC, &l) == 0);
    pid_t r = fork();                   /* root: no limit */
    T(r >= 0);
    if (r == 0)
        _exit(0);
    T(waitpid(r, &status, 0) == r);
    l.rlim_cur = LIMIT;
    T(setrlimit(RLIMIT_NPROC, &l) == 0);
    /* A user of our own: nothing else on this machine runs as it. */
    uid_t uid = 61000 + getpid() % 4000;
    T(setresuid(uid, uid, uid) == 0);
    T(pipe(p) == 0);
    for (n = 0; n < LIMIT + 2; n++) {
        pid_t k = fork();
        if (k < 0) {
            T(errno == EAGAIN);
            break;
        }
        if (k == 0) {
            char c;
            close(p[1]);
            _exit(read(p[0], &c, 1) == 0 ? 0 : 1);
        }
        kids[n] = k;
    }
    T(n == LIMIT - 1);
    close(p[1]);
    for (int i = 0; i < n; i++)
        T(waitpid(kids[i], &status, 0) == kids[i] && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    r = fork();                         /* room again */
    T(r >= 0);
    if (r == 0)
        _exit(0);
    T(waitpid(r, &status, 0) == r);
    _exit(0);
}

int main(void)
{
    run_in_child(child);
    return 0;
}
