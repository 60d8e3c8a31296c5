/* Thread-local storage across shared objects: the program's own __thread variables
 * and the libc's errno (initial-exec TLS in libc.so) are separate in every thread, and
 * a thread's values survive other threads writing theirs. */
/* guest-test: dynamic */
#include "guest.h"
#include <pthread.h>

#define NTHREADS 4

static __thread long mine = 7;
static __thread char buf[64];
static pthread_barrier_t bar;

static void *worker(void *arg)
{
    long id = (long)arg;

    if (mine != 7 || buf[0] != '\0')
        return (void *)1;
    mine = id * 100;
    snprintf(buf, sizeof(buf), "thread %ld", id);
    errno = (int)id + 1;
    pthread_barrier_wait(&bar); /* everyone has written */
    if (mine != id * 100 || errno != (int)id + 1)
        return (void *)2;
    char want[64];
    snprintf(want, sizeof(want), "thread %ld", id);
    if (strcmp(buf, want) != 0)
        return (void *)3;
    return NULL;
}

int main(void)
{
    pthread_t t[NTHREADS];
    void *ret;
    long i;

    CHECK(pthread_barrier_init(&bar, NULL, NTHREADS) == 0);
    mine = -1;
    errno = 0;
    for (i = 0; i < NTHREADS; i++)
        CHECK(pthread_create(&t[i], NULL, worker, (void *)i) == 0);
    for (i = 0; i < NTHREADS; i++) {
        CHECK(pthread_join(t[i], &ret) == 0);
        if (ret != NULL)
            FAIL("thread %ld: check %ld failed", i, (long)ret);
    }
    CHECK(mine == -1);
    CHECK(errno == 0);
    return 0;
}
