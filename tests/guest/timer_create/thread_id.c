/* SIGEV_THREAD_ID sends a timer's signal to one thread (Linux's
 * sigev_notify_thread_id), not to whichever thread of the process takes
 * it; a tid that is not the caller's process's is EINVAL. */
#include "guest.h"
#include <pthread.h>
#include <signal.h>
#include <time.h>

#ifndef sigev_notify_thread_id
#define sigev_notify_thread_id _sigev_un._tid
#endif

static volatile pid_t got_tid;
static volatile pid_t worker_tid;
static volatile int stop;

static void on_usr1(int sig)
{
    (void)sig;
    got_tid = (pid_t)syscall(SYS_gettid);
}

static void *worker(void *arg)
{
    (void)arg;
    worker_tid = (pid_t)syscall(SYS_gettid);
    while (!stop)
        usleep(1000);
    return NULL;
}

int main(void)
{
    struct sigevent se;
    struct itimerspec its = { .it_value = { 0, 20 * 1000000 } };
    pthread_t th;
    timer_t id;

    signal(SIGUSR1, on_usr1);
    CHECK_OK(pthread_create(&th, NULL, worker, NULL));
    while (worker_tid == 0)
        usleep(1000);

    memset(&se, 0, sizeof se);
    se.sigev_notify = SIGEV_THREAD_ID;
    se.sigev_signo = SIGUSR1;
    se.sigev_notify_thread_id = worker_tid;
    CHECK_OK(syscall(SYS_timer_create, CLOCK_MONOTONIC, &se, &id));
    CHECK_OK(syscall(SYS_timer_settime, id, 0, &its, NULL));
    for (int i = 0; i < 500 && got_tid == 0; i++)
        usleep(10000);
    CHECK(got_tid == worker_tid);
    CHECK_OK(syscall(SYS_timer_delete, id));

    se.sigev_notify_thread_id = getppid() > 1 ? getppid() : 999999;
    CHECK_ERR(syscall(SYS_timer_create, CLOCK_MONOTONIC, &se, &id), EINVAL);

    stop = 1;
    CHECK_OK(pthread_join(th, NULL));
    return 0;
}
