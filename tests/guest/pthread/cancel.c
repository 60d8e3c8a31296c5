/* pthread_cancel reaches a thread blocked in read(2) or pause(2) (a
 * cancellation point: the C library's cancel signal goes to that thread
 * alone), and join reports PTHREAD_CANCELED; cleanup handlers run. */
#include "guest.h"
#include <pthread.h>

static int fds[2];
static volatile int cleaned;

static void cleanup(void *p) { (void)p; cleaned++; }

static void *reader(void *p)
{
    char b;

    (void)p;
    pthread_cleanup_push(cleanup, NULL);
    for (;;)
        if (read(fds[0], &b, 1) < 0)
            break;
    pthread_cleanup_pop(0);
    return (void *)2;
}

static void *pauser(void *p)
{
    (void)p;
    pthread_cleanup_push(cleanup, NULL);
    for (;;)
        pause();
    pthread_cleanup_pop(0);
    return NULL;
}

int main(void)
{
    struct timespec ts = { 0, 20 * 1000 * 1000 };
    pthread_t a, b;
    void *ret;

    CHECK_OK(pipe(fds));
    CHECK(pthread_create(&a, NULL, reader, NULL) == 0);
    CHECK(pthread_create(&b, NULL, pauser, NULL) == 0);
    nanosleep(&ts, NULL);
    CHECK(pthread_cancel(a) == 0);
    CHECK(pthread_join(a, &ret) == 0);
    CHECK(ret == PTHREAD_CANCELED);
    CHECK(pthread_cancel(b) == 0);
    CHECK(pthread_join(b, &ret) == 0);
    CHECK(ret == PTHREAD_CANCELED);
    CHECK(cleaned == 2);
    return 0;
}
