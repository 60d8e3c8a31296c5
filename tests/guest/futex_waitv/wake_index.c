/* futex_waitv(2) sleeps on several futexes at once and returns the index of the one
 * woken: a child waits on three words of a MAP_SHARED page (one private entry, two
 * shared) and the parent wakes the third; then it waits again with a timeout, which
 * passes (ETIMEDOUT) after at least its length. */
#include "guest.h"
#include <stdint.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

#ifndef SYS_futex_waitv
#define SYS_futex_waitv 449
#endif
#define FUTEX2_SIZE_U32 0x02
#define FUTEX2_PRIVATE 128

struct futex_waitv {
    uint64_t val;
    uint64_t uaddr;
    uint32_t flags;
    uint32_t reserved;
};

int main(void)
{
    uint32_t *sh = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    struct futex_waitv w[3];
    pid_t pid;
    int st, i;

    CHECK(sh != MAP_FAILED);
    for (i = 0; i < 3; i++) {
        w[i].val = 0;
        w[i].uaddr = (uintptr_t)&sh[i * 16];
        w[i].flags = FUTEX2_SIZE_U32 | (i == 0 ? FUTEX2_PRIVATE : 0);
        w[i].reserved = 0;
    }
    pid = CHECK_OK(fork());
    if (pid == 0) {
        long r = syscall(SYS_futex_waitv, w, 3, 0, NULL, 0);
        if (r != 2)
            _exit(10 + (int)r);
        struct timespec a, b, dl;
        clock_gettime(CLOCK_MONOTONIC, &a);
        dl = a;
        dl.tv_nsec += 50 * 1000000L;
        if (dl.tv_nsec >= 1000000000L) {
            dl.tv_sec++;
            dl.tv_nsec -= 1000000000L;
        }
        r = syscall(SYS_futex_waitv, w, 3, 0, &dl, CLOCK_MONOTONIC);
        clock_gettime(CLOCK_MONOTONIC, &b);
        if (r != -1 || errno != ETIMEDOUT)
            _exit(3);
        if ((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000 < 49)
            _exit(4);
        _exit(0);
    }
    for (i = 0; syscall(SYS_futex, &sh[32], 1 /* FUTEX_WAKE */, 1, NULL, NULL, 0) != 1; i++) {
        if (i == 10000)
            FAIL("the child never waited");
        struct timespec ms = { 0, 1000000L };
        nanosleep(&ms, NULL);
    }
    CHECK(waitpid(pid, &st, 0) == pid);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        FAIL("child status 0x%x", st);
    return 0;
}
