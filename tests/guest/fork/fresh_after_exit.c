/* A new process sees nothing of one that ended: a child maps a page at a fixed address and
 * writes a secret to it, and exits; a child forked after it finds the address unmapped
 * (SIGSEGV on a read), as the parent never mapped it.  Twenty rounds, so that the second
 * child of a round may run where the first one did (Trellis gives a dead process's host
 * stub to a later one). */
#include "guest.h"
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define ADDR ((volatile uint64_t *)0x3f0000000000UL)
#define SECRET 0x5ec2e75ec2e75ec2ULL

static sigjmp_buf env;

static void on_segv(int sig)
{
    (void)sig;
    siglongjmp(env, 1);
}

static int run(void (*fn)(void))
{
    int status;
    pid_t pid = CHECK_OK(fork());

    if (pid == 0) {
        fn();
        _exit(0);
    }
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    return WEXITSTATUS(status);
}

static void writer(void)
{
    void *p = mmap((void *)ADDR, 4096, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);

    if (p != (void *)ADDR)
        _exit(2);
    *ADDR = SECRET;
    _exit(0);
}

static void reader(void)
{
    struct sigaction sa = { .sa_handler = on_segv };

    sigaction(SIGSEGV, &sa, NULL);
    if (sigsetjmp(env, 1) == 0) {
        uint64_t v = *ADDR;
        _exit(v == SECRET ? 3 : 4);   /* readable at all is wrong */
    }
    _exit(0);
}

int main(void)
{
    for (int i = 0; i < 20; i++) {
        CHECK(run(writer) == 0);
        int r = run(reader);
        if (r == 3)
            FAIL("round %d: a new process read an ended one's secret", i);
        CHECK(r == 0);
    }
    return 0;
}
