/* An SA_ONSTACK handler runs on the alternate stack (its locals lie in
 * it; sigaltstack reports SS_ONSTACK and refuses changes with EPERM),
 * including for a stack overflow, which it leaves with siglongjmp. */
#include "guest.h"
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>

static char altstack[64 * 1024] __attribute__((aligned(16)));
static volatile int on_alt, flags_inside, eperm, overflowed;
static sigjmp_buf back;

static void on_usr1(int sig)
{
    char local;
    stack_t now, ss;

    (void)sig;
    on_alt = (uintptr_t)&local > (uintptr_t)altstack &&
             (uintptr_t)&local < (uintptr_t)altstack + sizeof(altstack);
    sigaltstack(NULL, &now);
    flags_inside = now.ss_flags;
    memset(&ss, 0, sizeof(ss));
    ss.ss_flags = SS_DISABLE;
    eperm = sigaltstack(&ss, NULL) == -1 && errno == EPERM;
}

static void on_segv(int sig)
{
    (void)sig;
    overflowed = 1;
    siglongjmp(back, 1);
}

static volatile long budget = 1L << 40; /* hides the recursion from gcc */

static int recurse(volatile char *p)
{
    volatile char buf[1024];

    buf[0] = p != NULL ? p[0] : 0;
    if (budget-- > 0)
        return recurse(buf) + buf[1];
    return 0;
}

int main(void)
{
    stack_t ss, now;
    struct sigaction sa;

    ss.ss_sp = altstack;
    ss.ss_size = sizeof(altstack);
    ss.ss_flags = 0;
    CHECK_OK(sigaltstack(&ss, NULL));
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_usr1;
    sa.sa_flags = SA_ONSTACK;
    CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
    raise(SIGUSR1);
    CHECK(on_alt);
    CHECK(flags_inside == SS_ONSTACK);
    CHECK(eperm);
    CHECK_OK(sigaltstack(NULL, &now));
    CHECK(now.ss_flags == 0 && now.ss_sp == altstack);

    sa.sa_handler = on_segv;
    CHECK_OK(sigaction(SIGSEGV, &sa, NULL));
    if (sigsetjmp(back, 1) == 0)
        recurse(NULL);
    CHECK(overflowed);
    return 0;
}
