/* sched_setaffinity pins a thread to CPUs: sched_getaffinity then says
 * just those, the thread runs on them (getcpu), and clone and fork pass the
 * mask on.  A mask with no CPU there is EINVAL, an unknown pid ESRCH, and
 * another user's process EPERM.  The policy queries answer SCHED_OTHER;
 * sched_yield returns 0. */
#include "guest.h"
#include <pthread.h>
#include <sched.h>

static int only_cpu0(void)
{
    cpu_set_t s;
    CPU_ZERO(&s);
    if (sched_getaffinity(0, sizeof s, &s) != 0)
        return 0;
    return CPU_COUNT(&s) == 1 && CPU_ISSET(0, &s);
}

static void *thread_fn(void *arg)
{
    (void)arg;
    return (void *)(long)only_cpu0();
}

static pid_t parent;

static void not_mine(void)
{
    cpu_set_t s;
    CPU_ZERO(&s);
    CPU_SET(0, &s);
    CHECK_ERR(sched_setaffinity(parent, sizeof s, &s), EPERM);
}

int main(void)
{
    cpu_set_t all, one, none;
    void *res;
    pthread_t th;
    int st;

    CHECK_OK(sched_getaffinity(0, sizeof all, &all));
    CPU_ZERO(&one);
    CPU_SET(0, &one);
    CHECK_OK(sched_setaffinity(0, sizeof one, &one));
    CHECK(only_cpu0());
    CHECK_OK(sched_yield());
    CHECK(sched_getcpu() == 0);
    for (int i = 0; i < 20; i++) {
        CHECK_OK(sched_yield());
        CHECK(sched_getcpu() == 0);
    }

    CHECK_OK(pthread_create(&th, NULL, thread_fn, NULL));
    CHECK_OK(pthread_join(th, &res));
    CHECK(res == (void *)1);
    pid_t c = CHECK_OK(fork());
    if (c == 0)
        _exit(only_cpu0() && sched_getcpu() == 0 ? 0 : 1);
    CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0);
    CHECK_ERR(sched_getaffinity(c, sizeof one, &one), ESRCH);   /* reaped */

    CPU_ZERO(&none);
    CHECK_ERR(sched_setaffinity(0, sizeof none, &none), EINVAL);
    CPU_SET(CPU_SETSIZE - 1, &none);                            /* no such CPU */
    CHECK_ERR(sched_setaffinity(0, sizeof none, &none), EINVAL);
    CHECK(only_cpu0());

    parent = getpid();
    run_as_user(not_mine);

    /* Raw calls: musl's wrappers of these two say ENOSYS by design. */
    CHECK(syscall(SYS_sched_getscheduler, 0) == SCHED_OTHER);
    struct sched_param sp;
    sp.sched_priority = 7;
    CHECK_OK(syscall(SYS_sched_getparam, 0, &sp));
    CHECK(sp.sched_priority == 0);
    CHECK(sched_get_priority_max(SCHED_FIFO) == 99);
    CHECK(sched_get_priority_min(SCHED_RR) == 1);
    CHECK(sched_get_priority_max(SCHED_OTHER) == 0);
    CHECK_ERR(sched_get_priority_max(42), EINVAL);

    CHECK_OK(sched_setaffinity(0, sizeof all, &all));
    CHECK_OK(sched_getaffinity(0, sizeof one, &one));
    CHECK(CPU_EQUAL(&one, &all));
    return 0;
}
