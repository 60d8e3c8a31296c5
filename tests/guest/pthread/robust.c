/* A robust mutex whose owner thread exits without unlocking it: the next
 * locker gets EOWNERDEAD, makes it consistent, and it works again. */
#include "guest.h"
#include <pthread.h>

static pthread_mutex_t m;

static void *die_holding(void *p)
{
    (void)p;
    pthread_mutex_lock(&m);
    return NULL;                    /* exits with m held */
}

int main(void)
{
    pthread_mutexattr_t at;
    pthread_t th;

    CHECK(pthread_mutexattr_init(&at) == 0);
    CHECK(pthread_mutexattr_setrobust(&at, PTHREAD_MUTEX_ROBUST) == 0);
    CHECK(pthread_mutex_init(&m, &at) == 0);
    CHECK(pthread_create(&th, NULL, die_holding, NULL) == 0);
    CHECK(pthread_join(th, NULL) == 0);
    CHECK(pthread_mutex_lock(&m) == EOWNERDEAD);
    CHECK(pthread_mutex_consistent(&m) == 0);
    CHECK(pthread_mutex_unlock(&m) == 0);
    CHECK(pthread_mutex_lock(&m) == 0);
    CHECK(pthread_mutex_unlock(&m) == 0);
    return 0;
}
