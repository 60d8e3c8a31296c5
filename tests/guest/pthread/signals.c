/* Signals and threads: pthread_kill reaches the named thread; a signal to
 * the process goes to a thread that does not block it; sigwait in one
 * thread takes a signal every thread blocks; masks are per thread. */
#include "guest.h"
#include <pthread.h>
#include <signal.h>

static volatile pid_t handled_by;
static pid_t worker_tid;
static volatile int stop;

static void handler(int sig)
{
    (void)sig;
    handled_by = (pid_t)syscall(SYS_gettid);
}

static void *worker(void *p)
{
    sigset_t s;

    (void)p;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    pthread_sigmask(SIG_UNBLOCK, &s, NULL);
    worker_tid = (pid_t)syscall(SYS_gettid);
    while (!stop)
        pause();
    return NULL;
}

static void *waiter(void *p)
{
    sigset_t s;
    int sig = 0;

    (void)p;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR2);
    if (sigwait(&s, &sig) != 0)
        return (void *)-1L;
    return (void *)(long)sig;
}

int main(void)
{
    struct timespec ts = { 0, 1000 * 1000 };
    pthread_t w, sw;
    sigset_t s;
    void *ret;

    CHECK(signal(SIGUSR1, handler) != SIG_ERR);
    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    sigaddset(&s, SIGUSR2);
    CHECK(pthread_sigmask(SIG_BLOCK, &s, NULL) == 0);    /* inherited */
    CHECK(pthread_create(&w, NULL, worker, NULL) == 0);
    while (worker_tid == 0)
        nanosleep(&ts, NULL);
    /* The main thread blocks SIGUSR1: the worker must take it. */
    CHECK_OK(kill(getpid(), SIGUSR1));
    for (int i = 0; i < 2000 && handled_by == 0; i++)
        nanosleep(&ts, NULL);
    CHECK(handled_by == worker_tid);
    handled_by = 0;
    CHECK(pthread_kill(w, SIGUSR1) == 0);
    for (int i = 0; i < 2000 && handled_by == 0; i++)
        nanosleep(&ts, NULL);
    CHECK(handled_by == worker_tid);

    CHECK(pthread_create(&sw, NULL, waiter, NULL) == 0);
    CHECK_OK(kill(getpid(), SIGUSR2));
    CHECK(pthread_join(sw, &ret) == 0);
    CHECK((long)ret == SIGUSR2);

    stop = 1;
    CHECK(pthread_kill(w, SIGUSR1) == 0);
    CHECK(pthread_join(w, NULL) == 0);
    return 0;
}
