/* A thread may leave its process's descriptor table and fs context:
 * unshare(CLONE_FILES) and unshare(CLONE_FS) in a thread give it copies of
 * its own, so what it opens, closes or chdirs to stays its own; a thread
 * made by clone(CLONE_THREAD) without CLONE_FILES and CLONE_FS starts with
 * such copies.  A thread that execs takes its own table into the new
 * program. */
#include "guest.h"
#ifndef FUTEX_WAIT
#define FUTEX_WAIT 0
#endif
#include <pthread.h>
#include <sched.h>
#include <signal.h>

static const char *dir;
static char *self;

static void cwd_is(const char *want)
{
    char buf[256];
    CHECK(getcwd(buf, sizeof buf) != NULL);
    if (strcmp(buf, want) != 0)
        FAIL("cwd %s, want %s", buf, want);
}

static void *unsharer(void *arg)
{
    (void)arg;
    CHECK_OK(unshare(CLONE_FILES | CLONE_FS));
    CHECK_OK(close(100));               /* ours goes; the process's stays */
    CHECK(dup2(1, 101) == 101);         /* only in ours */
    CHECK_OK(chdir(dir));
    cwd_is(dir);
    return NULL;
}

/* A raw clone thread: no TLS of its own, so only raw system calls. */
static char stack[64 * 1024] __attribute__((aligned(16)));
static volatile pid_t ctid = 1;
static volatile int raw_result = -1;

static int raw_thread(void *arg)
{
    (void)arg;
    long fd = syscall(SYS_dup2, 1, 102);
    long rc = syscall(SYS_chdir, dir);
    long cl = syscall(SYS_close, 100);
    raw_result = fd == 102 && rc == 0 && cl == 0 ? 0 : 1;
    return 0;
}

static void *execer(void *arg)
{
    (void)arg;
    CHECK_OK(unshare(CLONE_FILES));
    CHECK_OK(close(100));
    CHECK(dup2(1, 103) == 103);
    char *const args[] = { self, "exec", (char *)dir, NULL };
    execv(self, args);
    FAIL("execv: %s", strerror(errno));
}

int main(int argc, char **argv)
{
    pthread_t th;

    if (argc == 3 && strcmp(argv[1], "exec") == 0) {
        /* The exec'ing thread's table: 103 open, 100 closed. */
        CHECK_OK(fcntl(103, F_GETFD));
        CHECK_ERR(fcntl(100, F_GETFD), EBADF);
        CHECK_OK(rmdir(argv[2]));       /* the exec left no atexit to remove it */
        return 0;
    }
    self = argv[0];
    dir = tmp_path("ownfiles");
    CHECK_OK(mkdir(dir, 0755));
    CHECK_OK(chdir("/"));
    CHECK(dup2(2, 100) == 100);

    CHECK_OK(pthread_create(&th, NULL, unsharer, NULL));
    CHECK_OK(pthread_join(th, NULL));
    CHECK_OK(fcntl(100, F_GETFD));
    CHECK_ERR(fcntl(101, F_GETFD), EBADF);
    cwd_is("/");

    pid_t tid = clone(raw_thread, stack + sizeof stack,
                      CLONE_VM | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM |
                      CLONE_CHILD_CLEARTID, NULL, NULL, NULL, &ctid);
    CHECK(tid > 0);
    while (ctid != 0)
        syscall(SYS_futex, &ctid, FUTEX_WAIT, ctid, NULL, NULL, 0);
    CHECK(raw_result == 0);
    CHECK_OK(fcntl(100, F_GETFD));
    CHECK_ERR(fcntl(102, F_GETFD), EBADF);
    cwd_is("/");

    CHECK_OK(pthread_create(&th, NULL, execer, NULL));
    pthread_join(th, NULL);             /* execve ends us first */
    FAIL("the thread's execve returned");
}
