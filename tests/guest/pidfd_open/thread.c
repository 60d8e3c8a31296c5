/* PIDFD_THREAD (Linux 6.9): pidfd_open of any thread's tid gives a pidfd
 * of that thread (without the flag a non-leader's tid is ENOENT); signals
 * sent through it reach that thread; it is readable once the thread has
 * ended, hangs up once the thread is gone, and then names no one (ESRCH).
 * CLONE_PIDFD with CLONE_THREAD gives such a pidfd of the new thread. */
#include "guest.h"
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>

#ifndef PIDFD_THREAD
#define PIDFD_THREAD O_EXCL
#endif

static volatile pid_t worker_tid, handled_tid;
static int go[2];

static void on_usr1(int sig)
{
    (void)sig;
    handled_tid = (pid_t)syscall(SYS_gettid);
}

static void *worker(void *arg)
{
    char c;
    (void)arg;
    worker_tid = (pid_t)syscall(SYS_gettid);
    while (read(go[0], &c, 1) < 0 && errno == EINTR)
        ;
    return NULL;
}

static short revents(int fd, int timeout)
{
    struct pollfd pfd = { .fd = fd, .events = POLLIN };
    CHECK_OK(poll(&pfd, 1, timeout));
    return pfd.revents;
}

/* The thread's end and its release come one after the other. */
static void wait_hangup(int fd)
{
    for (int i = 0; i < 200; i++) {
        if (revents(fd, 0) & POLLHUP)
            return;
        usleep(10000);
    }
    FAIL("no POLLHUP after the thread ended");
}

static char stack[64 * 1024] __attribute__((aligned(16)));
static volatile pid_t ctid = 1;

static int raw_thread(void *arg)
{
    (void)arg;
    return 0;
}

int main(void)
{
    pthread_t th;
    int fd, lfd, cfd = -1;

    signal(SIGUSR1, on_usr1);
    CHECK_OK(pipe(go));
    CHECK_OK(pthread_create(&th, NULL, worker, NULL));
    while (worker_tid == 0)
        sched_yield();

    CHECK_ERR(syscall(SYS_pidfd_open, worker_tid, 0), ENOENT);
    fd = CHECK_OK(syscall(SYS_pidfd_open, worker_tid, PIDFD_THREAD));
    CHECK(revents(fd, 0) == 0);

    /* Through a thread's pidfd, the signal is that thread's. */
    CHECK_OK(syscall(SYS_pidfd_send_signal, fd, SIGUSR1, NULL, 0));
    for (int i = 0; i < 500 && handled_tid == 0; i++)
        usleep(1000);
    CHECK(handled_tid == worker_tid);

    /* The leader's thread pidfd: a signal to the main thread. */
    handled_tid = 0;
    lfd = CHECK_OK(syscall(SYS_pidfd_open, getpid(), PIDFD_THREAD));
    CHECK_OK(syscall(SYS_pidfd_send_signal, lfd, SIGUSR1, NULL, 0));
    CHECK(handled_tid == getpid());     /* delivered on the way out */
    CHECK(revents(lfd, 0) == 0);

    CHECK(write(go[1], "x", 1) == 1);
    CHECK_OK(pthread_join(th, NULL));
    CHECK(revents(fd, 5000) & POLLIN);
    wait_hangup(fd);
    CHECK_ERR(syscall(SYS_pidfd_send_signal, fd, SIGUSR1, NULL, 0), ESRCH);
    CHECK_ERR(syscall(SYS_pidfd_open, worker_tid, PIDFD_THREAD), ESRCH);

    pid_t tid = clone(raw_thread, stack + sizeof stack,
                      CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                      CLONE_SYSVSEM | CLONE_PIDFD | CLONE_CHILD_CLEARTID,
                      NULL, &cfd, NULL, &ctid);
    CHECK(tid > 0);
    CHECK(cfd >= 0);
    CHECK(CHECK_OK(fcntl(cfd, F_GETFD)) & FD_CLOEXEC);
    CHECK(revents(cfd, 5000) & POLLIN);
    wait_hangup(cfd);
    return 0;
}
