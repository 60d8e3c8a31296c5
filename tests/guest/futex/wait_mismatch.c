/* FUTEX_WAIT fails with EAGAIN at once when the word does not hold the expected value,
 * private or shared, with or without a timeout, and leaves the word alone. */
#include "futex_util.h"

static uint32_t word = 5;

int main(void)
{
    struct timespec ts = { 10, 0 };
    uint32_t *sh = shared_page();

    CHECK_ERR(futex(&word, FUTEX_WAIT, 4, NULL, NULL, 0), EAGAIN);
    CHECK_ERR(futex(&word, FUTEX_WAIT_PRIVATE, 6, NULL, NULL, 0), EAGAIN);
    CHECK_ERR(futex(&word, FUTEX_WAIT_PRIVATE, 0, &ts, NULL, 0), EAGAIN);
    CHECK_ERR(futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 1, NULL, NULL, 0xff), EAGAIN);
    CHECK(word == 5);
    *sh = 7;
    CHECK_ERR(futex(sh, FUTEX_WAIT, 0, NULL, NULL, 0), EAGAIN);
    CHECK_ERR(futex(sh, FUTEX_WAIT_BITSET, 8, &ts, NULL, FUTEX_BITSET_MATCH_ANY), EAGAIN);
    CHECK(*sh == 7);
    return 0;
}
