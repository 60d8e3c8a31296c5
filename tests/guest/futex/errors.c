/* futex(2)'s argument errors: EINVAL for an unaligned word, EFAULT for one outside any
 * mapping (a private FUTEX_WAKE needs no page and finds nobody), ENOSYS for an unknown
 * operation and for FUTEX_CLOCK_REALTIME where Linux refuses it (FUTEX_WAIT, FUTEX_WAKE),
 * EINVAL for negative requeue counts. */
#include "futex_util.h"

static uint32_t words[2];

int main(void)
{
    uint32_t *odd = (uint32_t *)((char *)words + 1);
    uint32_t *hole = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    CHECK(hole != MAP_FAILED);
    CHECK_OK(munmap(hole, 4096));

    CHECK_ERR(futex(odd, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0), EINVAL);
    CHECK_ERR(futex(odd, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0), EINVAL);
    CHECK_ERR(futex(odd, FUTEX_WAIT, 0, NULL, NULL, 0), EINVAL);
    CHECK_ERR(futex(odd, FUTEX_WAKE, 1, NULL, NULL, 0), EINVAL);

    CHECK_ERR(futex(hole, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0), EFAULT);
    CHECK_ERR(futex(hole, FUTEX_WAIT, 0, NULL, NULL, 0), EFAULT);
    CHECK_ERR(futex(hole, FUTEX_WAKE, 1, NULL, NULL, 0), EFAULT);
    CHECK(futex(hole, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0) == 0);
    CHECK_ERR(futex((uint32_t *)0xffff800000000000ULL, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0),
              EFAULT);

    CHECK_ERR(futex(words, 99, 0, NULL, NULL, 0), ENOSYS);
    CHECK_ERR(futex(words, 14 | FUTEX_PRIVATE_FLAG, 0, NULL, NULL, 0), ENOSYS);
    CHECK_ERR(futex(words, FUTEX_FD, 0, NULL, NULL, 0), ENOSYS);
    CHECK_ERR(futex(words, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 0, NULL, NULL, 0), ENOSYS);
    CHECK_ERR(futex(words, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, NULL, NULL, 0), ENOSYS);
    CHECK_ERR(futex(words, FUTEX_LOCK_PI | FUTEX_CLOCK_REALTIME, 0, NULL, NULL, 0), ENOSYS);

    CHECK_ERR(futex2(words, FUTEX_CMP_REQUEUE_PRIVATE, (uint32_t)-1, 1, words + 1, 0), EINVAL);
    CHECK_ERR(futex2(words, FUTEX_CMP_REQUEUE_PRIVATE, 1, (unsigned long)-1, words + 1, 0),
              EINVAL);
    CHECK_ERR(futex2(words, FUTEX_REQUEUE_PRIVATE, 1, 1, odd, 0), EINVAL);
    CHECK_ERR(futex2(words, FUTEX_WAKE_OP_PRIVATE, 1, 1, odd, 0), EINVAL);
    return 0;
}
