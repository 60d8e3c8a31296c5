/* vfork(2) shares the parent's memory and suspends the parent until the
 * child exits or execs; clone(CLONE_VM) without CLONE_VFORK shares memory
 * and lets both run; posix_spawn (CLONE_VM | CLONE_VFORK in the C
 * libraries) starts a program. */
#define _GNU_SOURCE
#include "guest.h"
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;
static volatile int shared;
static char stack[64 * 1024] __attribute__((aligned(16)));

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static int child_fn(void *arg)
{
    (void)arg;
    shared = 42;
    return 7;
}

int main(int argc, char **argv)
{
    long long t0;
    pid_t c;
    int st;

    if (argc > 1 && strcmp(argv[1], "spawned") == 0)
        return 5;
    t0 = now_ms();
    c = vfork();
    if (c == 0) {
        struct timespec nap = { 0, 100 * 1000 * 1000 };
        nanosleep(&nap, NULL);
        shared = 1;                     /* the parent's memory */
        _exit(3);
    }
    CHECK(c > 0);
    CHECK(now_ms() - t0 >= 90);         /* suspended until the child left */
    CHECK(shared == 1);
    CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 3);

    c = clone(child_fn, stack + sizeof(stack), CLONE_VM | SIGCHLD, NULL);
    CHECK(c > 0);
    CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 7);
    CHECK(shared == 42);

    char *args[] = { argv[0], "spawned", NULL };
    CHECK(posix_spawn(&c, argv[0], NULL, NULL, args, environ) == 0);
    CHECK(waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 5);
    return 0;
}
