/* pthread_create/join: each thread has its own tid (not the pid), its own
 * thread-local storage and stack; join returns its value; the threads
 * share memory and descriptors. */
#include "guest.h"
#include <pthread.h>

#define N 8

static __thread int tls_value = 7;
static int shared_fd;

struct arg {
    int i;
    pid_t tid;
    int tls_seen;
    void *stack_addr;
};

static void *run(void *p)
{
    struct arg *a = p;
    char c;

    a->tid = (pid_t)syscall(SYS_gettid);
    a->tls_seen = tls_value;        /* a fresh thread sees the initial value */
    tls_value = 100 + a->i;
    a->stack_addr = &c;
    if (write(shared_fd, "x", 1) != 1)
        return NULL;
    return (void *)(long)(a->i * 3 + (tls_value == 100 + a->i));
}

int main(void)
{
    pthread_t th[N];
    struct arg args[N];
    int p[2];
    char buf[N];

    CHECK_OK(pipe(p));
    shared_fd = p[1];
    tls_value = 1;
    for (int i = 0; i < N; i++) {
        args[i].i = i;
        CHECK(pthread_create(&th[i], NULL, run, &args[i]) == 0);
    }
    for (int i = 0; i < N; i++) {
        void *ret;
        CHECK(pthread_join(th[i], &ret) == 0);
        CHECK((long)ret == i * 3 + 1);
        CHECK(args[i].tls_seen == 7);
        CHECK(args[i].tid > 0 && args[i].tid != getpid());
        for (int j = 0; j < i; j++) {
            CHECK(args[j].tid != args[i].tid);
            CHECK(args[j].stack_addr != args[i].stack_addr);
        }
    }
    CHECK(tls_value == 1);
    CHECK(read(p[0], buf, N) == N);
    CHECK(syscall(SYS_gettid) == getpid());
    return 0;
}
