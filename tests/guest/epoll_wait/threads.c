/* Many threads waiting in epoll_wait(2) on one eventfd (level-triggered,
 * EFD_SEMAPHORE) are all woken as units arrive: each takes one unit, and
 * none sleeps on while units remain. */
#include "guest.h"
#include <pthread.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

#define NTHREADS 8

static int ep, efd;
static volatile int got;

static void *waiter(void *arg)
{
    struct epoll_event out;
    uint64_t v;

    (void)arg;
    for (;;) {
        if (epoll_wait(ep, &out, 1, -1) != 1)
            return (void *)1;
        if (read(efd, &v, sizeof v) == sizeof v) {
            __atomic_add_fetch(&got, 1, __ATOMIC_SEQ_CST);
            return NULL;
        }
        if (errno != EAGAIN)
            return (void *)2;
    }
}

int main(void)
{
    struct epoll_event ev = { .events = EPOLLIN };
    struct timespec ts = { 0, 20 * 1000 * 1000 };
    pthread_t th[NTHREADS];
    uint64_t n = NTHREADS;
    void *ret;

    efd = CHECK_OK(eventfd(0, EFD_SEMAPHORE | EFD_NONBLOCK));
    ep = CHECK_OK(epoll_create1(0));
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev));
    for (int i = 0; i < NTHREADS; i++)
        CHECK(pthread_create(&th[i], NULL, waiter, NULL) == 0);
    nanosleep(&ts, NULL);
    CHECK(CHECK_OK(write(efd, &n, sizeof n)) == sizeof n);
    for (int i = 0; i < NTHREADS; i++) {
        CHECK(pthread_join(th[i], &ret) == 0);
        CHECK(ret == NULL);
    }
    CHECK(got == NTHREADS);
    CHECK_ERR(read(efd, &n, sizeof n), EAGAIN);
    return 0;
}
