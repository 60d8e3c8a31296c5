/* FUTEX_WAKE with no one waiting returns 0 (private, shared, bitset), and so do the
 * requeue operations; FUTEX_CMP_REQUEUE still checks the word first (EAGAIN). */
#include "futex_util.h"

static uint32_t words[2];

int main(void)
{
    uint32_t *sh = shared_page();

    CHECK(futex(words, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0) == 0);
    CHECK(futex(words, FUTEX_WAKE_PRIVATE, 0x7fffffff, NULL, NULL, 0) == 0);
    CHECK(futex(words, FUTEX_WAKE, 1, NULL, NULL, 0) == 0);
    CHECK(futex(sh, FUTEX_WAKE, 1, NULL, NULL, 0) == 0);
    CHECK(futex(sh, FUTEX_WAKE_BITSET, 1, NULL, NULL, 0x10) == 0);
    CHECK(futex2(words, FUTEX_REQUEUE_PRIVATE, 1, 1, words + 1, 0) == 0);
    CHECK(futex2(words, FUTEX_CMP_REQUEUE_PRIVATE, 1, 1, words + 1, 0) == 0);
    CHECK_ERR(futex2(words, FUTEX_CMP_REQUEUE_PRIVATE, 1, 1, words + 1, 3), EAGAIN);
    CHECK(futex2(sh, FUTEX_CMP_REQUEUE, 1, 1, sh + 1, 0) == 0);
    return 0;
}
