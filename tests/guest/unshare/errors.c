/* unshare(2): no flags, or only CLONE_SYSVSEM, succeed; an unknown flag
 * is EINVAL; CLONE_THREAD, CLONE_SIGHAND and CLONE_VM are EINVAL in a
 * process with other threads; a new namespace without privilege is
 * EPERM; and CLONE_FILES gives a process sharing its table with another
 * (clone CLONE_FILES) a copy, so its closes no longer reach the other. */
#include "guest.h"
#include <pthread.h>
#include <sched.h>
#include <signal.h>

static int gate[2];

static void *waiter(void *arg)
{
    char c;
    (void)arg;
    if (read(gate[0], &c, 1) != 1)
        return NULL;
    return NULL;
}

static void unprivileged(void)
{
    CHECK_ERR(unshare(CLONE_NEWUTS), EPERM);
    CHECK_ERR(unshare(CLONE_NEWNS), EPERM);
    CHECK_ERR(unshare(CLONE_NEWIPC | CLONE_NEWNET), EPERM);
}

int main(void)
{
    pthread_t th;
    int st, fd;

    CHECK_OK(unshare(0));
    CHECK_OK(unshare(CLONE_SYSVSEM));
    CHECK_ERR(unshare(0x1), EINVAL);
    CHECK_ERR(unshare(CLONE_PARENT), EINVAL);
    CHECK_ERR(unshare(CLONE_VFORK), EINVAL);
    /* One thread: nothing to leave. */
    CHECK_OK(unshare(CLONE_THREAD | CLONE_SIGHAND | CLONE_VM));
    CHECK_OK(unshare(CLONE_FILES));

    CHECK_OK(pipe(gate));
    CHECK(pthread_create(&th, NULL, waiter, NULL) == 0);
    CHECK_ERR(unshare(CLONE_THREAD), EINVAL);
    CHECK_ERR(unshare(CLONE_SIGHAND), EINVAL);
    CHECK_ERR(unshare(CLONE_VM), EINVAL);
    CHECK_OK(write(gate[1], "x", 1));
    CHECK(pthread_join(th, NULL) == 0);

    run_as_user(unprivileged);

    fd = CHECK_OK(open("/dev/null", O_RDONLY));
    long pid = CHECK_OK(syscall(SYS_clone, CLONE_FILES | SIGCHLD, 0, NULL, NULL, 0));
    if (pid == 0) {
        if (unshare(CLONE_FILES) != 0)
            _exit(2);
        close(fd);
        _exit(fcntl(fd, F_GETFD) == -1 ? 0 : 3);
    }
    CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
    CHECK_OK(fcntl(fd, F_GETFD));
    return 0;
}
