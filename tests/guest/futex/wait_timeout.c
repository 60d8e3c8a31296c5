/* FUTEX_WAIT's timeout is relative and honoured (ETIMEDOUT after at least that long);
 * FUTEX_WAIT_BITSET's is absolute, on CLOCK_MONOTONIC or, with FUTEX_CLOCK_REALTIME,
 * CLOCK_REALTIME; an expiry in the past times out at once.  A timeout that is not a
 * valid timespec is EINVAL, an unreadable one EFAULT. */
#include "futex_util.h"

static uint32_t word;

int main(void)
{
    struct timespec rel = { 0, 60 * 1000000L }, a, b, abs;

    CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &a));
    CHECK_ERR(futex(&word, FUTEX_WAIT_PRIVATE, 0, &rel, NULL, 0), ETIMEDOUT);
    CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &b));
    CHECK(elapsed_ms(&a, &b) >= 59);
    CHECK(elapsed_ms(&a, &b) < 5000);

    /* Shared futex on private memory: the same. */
    CHECK_ERR(futex(&word, FUTEX_WAIT, 0, &rel, NULL, 0), ETIMEDOUT);

    CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &a));
    abs = a;
    abs.tv_nsec += 50 * 1000000L;
    if (abs.tv_nsec >= 1000000000L) {
        abs.tv_sec++;
        abs.tv_nsec -= 1000000000L;
    }
    CHECK_ERR(futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 0, &abs, NULL, FUTEX_BITSET_MATCH_ANY),
              ETIMEDOUT);
    CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &b));
    CHECK(elapsed_ms(&a, &b) >= 49);
    CHECK(elapsed_ms(&a, &b) < 5000);

    CHECK_OK(clock_gettime(CLOCK_REALTIME, &abs));
    CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &a));
    abs.tv_nsec += 50 * 1000000L;
    if (abs.tv_nsec >= 1000000000L) {
        abs.tv_sec++;
        abs.tv_nsec -= 1000000000L;
    }
    CHECK_ERR(futex(&word, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 0, &abs, NULL,
                    FUTEX_BITSET_MATCH_ANY), ETIMEDOUT);
    CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &b));
    CHECK(elapsed_ms(&a, &b) >= 49);

    /* Already past: at once, on either clock. */
    abs.tv_sec = 0;
    abs.tv_nsec = 1;
    CHECK_ERR(futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 0, &abs, NULL, FUTEX_BITSET_MATCH_ANY),
              ETIMEDOUT);
    CHECK_ERR(futex(&word, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 0, &abs, NULL,
                    FUTEX_BITSET_MATCH_ANY), ETIMEDOUT);
    rel.tv_sec = 0;
    rel.tv_nsec = 0;
    CHECK_ERR(futex(&word, FUTEX_WAIT_PRIVATE, 0, &rel, NULL, 0), ETIMEDOUT);

    /* A value mismatch wins over an expired timeout. */
    CHECK_ERR(futex(&word, FUTEX_WAIT_PRIVATE, 1, &rel, NULL, 0), EAGAIN);

    /* Bad timeouts. */
    rel.tv_nsec = 1000000000L;
    CHECK_ERR(futex(&word, FUTEX_WAIT_PRIVATE, 0, &rel, NULL, 0), EINVAL);
    rel.tv_nsec = -1;
    CHECK_ERR(futex(&word, FUTEX_WAIT_PRIVATE, 0, &rel, NULL, 0), EINVAL);
    rel.tv_sec = -1;
    rel.tv_nsec = 0;
    CHECK_ERR(futex(&word, FUTEX_WAIT_PRIVATE, 0, &rel, NULL, 0), EINVAL);
    CHECK_ERR(futex(&word, FUTEX_WAIT_PRIVATE, 0, BAD_PTR, NULL, 0), EFAULT);
    /* The timeout is checked before the value. */
    CHECK_ERR(futex(&word, FUTEX_WAIT_PRIVATE, 1, &rel, NULL, 0), EINVAL);
    return 0;
}
