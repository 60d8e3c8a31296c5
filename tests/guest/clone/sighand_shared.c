/* clone(CLONE_VM | CLONE_SIGHAND) without CLONE_THREAD makes a process that
 * shares the caller's signal actions: a handler the child installs is the
 * parent's too.  Pending signals and masks stay each process's own, and
 * unshare(CLONE_SIGHAND) cannot leave a shared table (EINVAL).  execve
 * gives the child a table of its own, reset, and leaves the parent's be.
 * Without CLONE_VM, CLONE_SIGHAND is EINVAL. */
#include "guest.h"
#include <sched.h>
#include <signal.h>

static char stack[64 * 1024] __attribute__((aligned(16)));
static volatile sig_atomic_t hits;

static void on_usr1(int sig)
{
    (void)sig;
    hits++;
}

static int child(void *arg)
{
    (void)arg;
    struct sigaction sa = { .sa_handler = on_usr1 };
    if (syscall(SYS_unshare, CLONE_SIGHAND) == 0 || errno != EINVAL)
        return 2;
    if (sigaction(SIGUSR1, &sa, NULL) != 0)
        return 3;
    /* Ignoring SIGUSR2 here drops only our own pending SIGUSR2. */
    sa.sa_handler = SIG_IGN;
    if (sigaction(SIGUSR2, &sa, NULL) != 0)
        return 4;
    return 0;
}

static char *self;

/* Shares the table, then execs this program in "reset" mode. */
static int execer(void *arg)
{
    (void)arg;
    char *const args[] = { self, "reset", NULL };
    execv(self, args);
    return 5;
}

int main(int argc, char **argv)
{
    struct sigaction old;
    sigset_t set;
    int st;

    if (argc == 2 && strcmp(argv[1], "reset") == 0) {
        CHECK_OK(sigaction(SIGUSR1, NULL, &old));
        return old.sa_handler == SIG_DFL ? 0 : 6;
    }
    self = argv[0];
    CHECK_ERR(syscall(SYS_clone, CLONE_SIGHAND | SIGCHLD, 0, NULL, NULL, 0), EINVAL);

    /* A SIGUSR2 of ours waits, blocked, while the child ignores it. */
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
    signal(SIGUSR2, on_usr1);
    CHECK_OK(raise(SIGUSR2));

    pid_t pid = clone(child, stack + sizeof stack, CLONE_VM | CLONE_SIGHAND | SIGCHLD, NULL);
    CHECK(pid > 0);
    CHECK(waitpid(pid, &st, 0) == pid);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        FAIL("child: status %#x", st);

    CHECK_OK(sigaction(SIGUSR1, NULL, &old));
    CHECK(old.sa_handler == on_usr1);
    CHECK_OK(raise(SIGUSR1));
    CHECK(hits == 1);

    pid = clone(execer, stack + sizeof stack,
                CLONE_VM | CLONE_SIGHAND | CLONE_VFORK | SIGCHLD, NULL);
    CHECK(pid > 0);
    CHECK(waitpid(pid, &st, 0) == pid);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        FAIL("exec'd child: status %#x", st);
    CHECK_OK(sigaction(SIGUSR1, NULL, &old));
    CHECK(old.sa_handler == on_usr1);

    CHECK_OK(sigaction(SIGUSR2, NULL, &old));
    CHECK(old.sa_handler == SIG_IGN);
    CHECK_OK(sigpending(&set));
    /* POSIX: ignoring a signal discards it pending; Linux does so only in
     * the process that set the action. */
    CHECK(sigismember(&set, SIGUSR2));
    return 0;
}
