/* Mutexes, condition variables and barriers: 8 threads x 100000 locked
 * increments (futex hand-offs under contention), a producer/consumer
 * queue on a condition variable, and a barrier all threads pass. */
#include "guest.h"
#include <pthread.h>

#define N 8
#define ROUNDS 100000

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static pthread_barrier_t bar;
static long counter;
static int queue[64], qlen, produced_done;
static int serial_seen;

static void *adder(void *p)
{
    (void)p;
    int r = pthread_barrier_wait(&bar);
    if (r == PTHREAD_BARRIER_SERIAL_THREAD)
        __atomic_add_fetch(&serial_seen, 1, __ATOMIC_RELAXED);
    else if (r != 0)
        return (void *)1;
    for (int i = 0; i < ROUNDS; i++) {
        pthread_mutex_lock(&m);
        counter++;
        pthread_mutex_unlock(&m);
    }
    return NULL;
}

static void *consumer(void *p)
{
    long sum = 0;

    (void)p;
    pthread_mutex_lock(&m);
    for (;;) {
        while (qlen == 0 && !produced_done)
            pthread_cond_wait(&cv, &m);
        if (qlen == 0 && produced_done)
            break;
        sum += queue[--qlen];
    }
    pthread_mutex_unlock(&m);
    return (void *)sum;
}

int main(void)
{
    pthread_t th[N], cons[2];
    long total = 0, expect = 0;
    void *ret;

    CHECK(pthread_barrier_init(&bar, NULL, N) == 0);
    for (int i = 0; i < N; i++)
        CHECK(pthread_create(&th[i], NULL, adder, NULL) == 0);
    for (int i = 0; i < N; i++) {
        CHECK(pthread_join(th[i], &ret) == 0);
        CHECK(ret == NULL);
    }
    CHECK(counter == (long)N * ROUNDS);
    CHECK(serial_seen == 1);

    for (int i = 0; i < 2; i++)
        CHECK(pthread_create(&cons[i], NULL, consumer, NULL) == 0);
    for (int v = 1; v <= 5000; v++) {
        pthread_mutex_lock(&m);
        while (qlen == 64) {
            pthread_mutex_unlock(&m);
            sched_yield();
            pthread_mutex_lock(&m);
        }
        queue[qlen++] = v;
        expect += v;
        pthread_cond_signal(&cv);
        pthread_mutex_unlock(&m);
    }
    pthread_mutex_lock(&m);
    produced_done = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&m);
    for (int i = 0; i < 2; i++) {
        CHECK(pthread_join(cons[i], &ret) == 0);
        total += (long)ret;
    }
    CHECK(total == expect);
    return 0;
}
