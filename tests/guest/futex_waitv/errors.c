/* futex_waitv(2)'s checks: flags must be 0, 1..128 entries, a non-NULL vector, a clock
 * of CLOCK_MONOTONIC or CLOCK_REALTIME when a timeout is given; each entry needs
 * FUTEX2_SIZE_U32, no unknown flag, a zero reserved word and a 32-bit value; an
 * unaligned word is EINVAL, an unreadable vector or word EFAULT.  A word that does not
 * hold its value is EAGAIN, and an absolute timeout in the past ETIMEDOUT. */
#include "guest.h"
#include <stdint.h>
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

static uint32_t words[4];

static long waitv(struct futex_waitv *w, unsigned n, unsigned flags, struct timespec *ts,
                  int clk)
{
    return syscall(SYS_futex_waitv, w, n, flags, ts, clk);
}

static void entry(struct futex_waitv *w, uint32_t *addr, uint64_t val, uint32_t flags)
{
    w->val = val;
    w->uaddr = (uintptr_t)addr;
    w->flags = flags;
    w->reserved = 0;
}

int main(void)
{
    struct futex_waitv w[129];
    struct timespec past = { 0, 1 };
    int i;

    for (i = 0; i < 129; i++)
        entry(&w[i], &words[i % 4], 0, FUTEX2_SIZE_U32 | FUTEX2_PRIVATE);
    CHECK_ERR(waitv(w, 1, 1, NULL, 0), EINVAL);
    CHECK_ERR(waitv(w, 0, 0, NULL, 0), EINVAL);
    CHECK_ERR(waitv(w, 129, 0, NULL, 0), EINVAL);
    CHECK_ERR(waitv(NULL, 1, 0, NULL, 0), EINVAL);
    CHECK_ERR(waitv(w, 1, 0, &past, CLOCK_BOOTTIME), EINVAL);
    CHECK_ERR(waitv(w, 1, 0, BAD_PTR, CLOCK_MONOTONIC), EFAULT);
    CHECK_ERR(waitv(BAD_PTR, 1, 0, NULL, 0), EFAULT);

    /* All 128 equal: times out; one that differs: EAGAIN. */
    CHECK_ERR(waitv(w, 128, 0, &past, CLOCK_MONOTONIC), ETIMEDOUT);
    CHECK_ERR(waitv(w, 128, 0, &past, CLOCK_REALTIME), ETIMEDOUT);
    w[100].val = 1;
    CHECK_ERR(waitv(w, 128, 0, &past, CLOCK_MONOTONIC), EAGAIN);
    w[100].val = 0;

    entry(&w[1], &words[1], 0, FUTEX2_PRIVATE);
    CHECK_ERR(waitv(w, 2, 0, &past, CLOCK_MONOTONIC), EINVAL);
    entry(&w[1], &words[1], 0, 0x03 | FUTEX2_PRIVATE);
    CHECK_ERR(waitv(w, 2, 0, &past, CLOCK_MONOTONIC), EINVAL);
    entry(&w[1], &words[1], 0, FUTEX2_SIZE_U32 | 0x10);
    CHECK_ERR(waitv(w, 2, 0, &past, CLOCK_MONOTONIC), EINVAL);
    entry(&w[1], &words[1], 0, FUTEX2_SIZE_U32);
    w[1].reserved = 1;
    CHECK_ERR(waitv(w, 2, 0, &past, CLOCK_MONOTONIC), EINVAL);
    entry(&w[1], &words[1], 1ULL << 32, FUTEX2_SIZE_U32);
    CHECK_ERR(waitv(w, 2, 0, &past, CLOCK_MONOTONIC), EINVAL);
    entry(&w[1], (uint32_t *)((char *)words + 2), 0, FUTEX2_SIZE_U32);
    CHECK_ERR(waitv(w, 2, 0, &past, CLOCK_MONOTONIC), EINVAL);
    entry(&w[1], (uint32_t *)16, 0, FUTEX2_SIZE_U32 | FUTEX2_PRIVATE);
    CHECK_ERR(waitv(w, 2, 0, &past, CLOCK_MONOTONIC), EFAULT);
    entry(&w[1], &words[1], 0, FUTEX2_SIZE_U32);
    CHECK_ERR(waitv(w, 2, 0, &past, CLOCK_MONOTONIC), ETIMEDOUT);

    /* A relative-looking timeout is absolute: 50 ms after boot is long gone. */
    struct timespec t50 = { 0, 50 * 1000000L };
    CHECK_ERR(waitv(w, 2, 0, &t50, CLOCK_MONOTONIC), ETIMEDOUT);
    return 0;
}
