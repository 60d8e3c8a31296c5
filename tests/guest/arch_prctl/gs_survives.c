/* ARCH_SET_GS moves the %gs base, and the program's base stays in place across
 * system calls, page faults, a signal handler, the timer's interrupts and fork.  A
 * kernel that keeps its own data behind GS (SWAPGS on every entry and exit) must
 * never let it show through, nor lose the program's base. */
#include "guest.h"
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

#define ARCH_SET_GS 0x1001
#define ARCH_GET_GS 0x1004
#define MAGIC 0x5a5aa5a5deadbeefUL

static unsigned long block[2] = {0, MAGIC};
static volatile unsigned long seen_in_handler;

static unsigned long gs8(void)
{
    unsigned long v;
    __asm__ volatile("mov %%gs:8, %0" : "=r"(v));
    return v;
}

static void on_usr1(int sig)
{
    (void)sig;
    seen_in_handler = gs8();
}

static long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

int main(void)
{
    block[0] = (unsigned long)block;
    CHECK_OK(syscall(SYS_arch_prctl, ARCH_SET_GS, block));
    unsigned long got = 0;
    CHECK_OK(syscall(SYS_arch_prctl, ARCH_GET_GS, &got));
    CHECK(got == (unsigned long)block);
    CHECK(gs8() == MAGIC);

    for (int i = 0; i < 1000; i++) {
        syscall(SYS_getppid);
        if (gs8() != MAGIC)
            FAIL("%%gs:8 is %#lx after system call %d", gs8(), i);
    }

    size_t pages = 64;
    char *p = mmap(NULL, pages * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                   -1, 0);
    CHECK(p != MAP_FAILED);
    for (size_t i = 0; i < pages; i++) {
        p[i * 4096] = 1;
        if (gs8() != MAGIC)
            FAIL("%%gs:8 is %#lx after page fault %zu", gs8(), i);
    }

    CHECK(signal(SIGUSR1, on_usr1) != SIG_ERR);
    CHECK_OK(raise(SIGUSR1));
    CHECK(seen_in_handler == MAGIC);
    CHECK(gs8() == MAGIC);

    /* 50 ms of computing: several timer interrupts land in user mode. */
    long end = now_ns() + 50000000L;
    unsigned long loops = 0;
    while (now_ns() < end) {
        if (gs8() != MAGIC)
            FAIL("%%gs:8 is %#lx after %lu loops", gs8(), loops);
        loops++;
    }

    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        unsigned long child = 0;
        if (syscall(SYS_arch_prctl, ARCH_GET_GS, &child) != 0)
            _exit(2);
        _exit(child == (unsigned long)block && gs8() == MAGIC ? 0 : 1);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(gs8() == MAGIC);
    return 0;
}
