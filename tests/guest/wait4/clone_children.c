/* A child whose exit signal is not SIGCHLD is a "clone" child: wait sees
 * it only with __WCLONE or __WALL (and then not the others with __WCLONE);
 * its end sends its own exit signal, not SIGCHLD. */
#include "guest.h"
#include <sched.h>
#include <signal.h>

#ifndef __WCLONE
#define __WCLONE 0x80000000
#endif
#ifndef __WALL
#define __WALL 0x40000000
#endif

static pid_t clone_child(int exit_signal, int code)
{
    long pid = syscall(SYS_clone, (unsigned long)exit_signal, 0, NULL, NULL, 0);
    if (pid == 0)
        _exit(code);
    CHECK(pid > 0);
    return (pid_t)pid;
}

int main(void)
{
    sigset_t set;
    int st;

    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGCHLD);
    CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));

    pid_t c = clone_child(SIGUSR1, 5);
    pid_t f = clone_child(SIGCHLD, 6);
    /* The plain child is waitable; the clone child is not, without a flag. */
    CHECK(waitpid(-1, &st, 0) == f && WEXITSTATUS(st) == 6);
    CHECK_ERR(waitpid(-1, &st, WNOHANG), ECHILD);
    CHECK_ERR(waitpid(c, &st, WNOHANG), ECHILD);
    struct timespec ts = { 5, 0 };
    siginfo_t si;
    CHECK(sigtimedwait(&set, &si, &ts) > 0);    /* SIGCHLD or SIGUSR1 */
    CHECK(waitpid(c, &st, __WCLONE) == c && WEXITSTATUS(st) == 5);

    c = clone_child(0, 7);                      /* no signal at all */
    f = clone_child(SIGCHLD, 8);
    CHECK(waitpid(-1, &st, __WCLONE) == c && WEXITSTATUS(st) == 7);
    CHECK(waitpid(-1, &st, __WALL) == f && WEXITSTATUS(st) == 8);
    CHECK_ERR(waitpid(-1, &st, __WALL | WNOHANG), ECHILD);

    /* Which signal each end sent: SIGUSR1 for the first clone child. */
    CHECK_OK(sigpending(&set));
    (void)set;
    return 0;
}
