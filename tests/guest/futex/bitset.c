/* Bitsets: a zero bitset is EINVAL for both FUTEX_WAIT_BITSET and FUTEX_WAKE_BITSET; a
 * waiter is woken only by a wake whose bitset shares a bit with its own, and plain
 * FUTEX_WAKE matches every bitset. */
#include "futex_util.h"

static uint32_t word;

int main(void)
{
    uint32_t *sh = shared_page();
    pid_t pid;

    CHECK_ERR(futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 0, NULL, NULL, 0), EINVAL);
    CHECK_ERR(futex(&word, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, NULL, 0), EINVAL);
    /* The bitset is checked before the value. */
    CHECK_ERR(futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 1, NULL, NULL, 0), EINVAL);

    pid = CHECK_OK(fork());
    if (pid == 0) {
        if (futex(&sh[0], FUTEX_WAIT_BITSET, 0, NULL, NULL, 0x1) != 0)
            _exit(2);
        if (futex(&sh[1], FUTEX_WAIT_BITSET, 0, NULL, NULL, 0x6) != 0)
            _exit(3);
        _exit(0);
    }
    /* Wait until the child sleeps on sh[0]: a wake with bit 0 finds it. */
    WAKE_UNTIL(futex(&sh[0], FUTEX_WAKE_BITSET, 1, NULL, NULL, 0x1), 1);
    /* Now on sh[1] with bits 1-2: bit 0 and bit 3 miss, plain WAKE hits. */
    pause_ms(50);
    CHECK(futex(&sh[1], FUTEX_WAKE_BITSET, 1, NULL, NULL, 0x9) == 0);
    WAKE_UNTIL(futex(&sh[1], FUTEX_WAKE, 1, NULL, NULL, 0), 1);
    reap_ok(pid);
    return 0;
}
