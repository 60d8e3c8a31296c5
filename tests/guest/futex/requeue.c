/* FUTEX_CMP_REQUEUE and FUTEX_REQUEUE across processes: waiters of one futex are woken
 * (up to nr_wake) or moved (up to nr_requeue) to a second futex, where a FUTEX_WAKE
 * finds them; the result counts both.  A wrong expected value is EAGAIN and moves no
 * one. */
#include "futex_util.h"

#define NCHILD 3

int main(void)
{
    uint32_t *sh = shared_page();
    pid_t pid[NCHILD];
    int i;

    for (i = 0; i < NCHILD; i++) {
        pid[i] = CHECK_OK(fork());
        if (pid[i] == 0)
            _exit(futex(&sh[0], FUTEX_WAIT, 0, NULL, NULL, 0) == 0 ? 0 : 2);
    }
    /* Once all three sleep on sh[0], move them all (no wake) to sh[1]. */
    CHECK_ERR(futex2(&sh[0], FUTEX_CMP_REQUEUE, 0, 100, &sh[1], 1), EAGAIN);
    WAKE_UNTIL(futex2(&sh[0], FUTEX_CMP_REQUEUE, 0, 100, &sh[1], 0), NCHILD);
    CHECK(futex(&sh[0], FUTEX_WAKE, 100, NULL, NULL, 0) == 0);
    /* Wake one on sh[1] and move one back to sh[0]: the result counts both. */
    CHECK(futex2(&sh[1], FUTEX_REQUEUE, 1, 1, &sh[0], 0) == 2);
    CHECK(futex(&sh[0], FUTEX_WAKE, 100, NULL, NULL, 0) == 1);
    CHECK(futex(&sh[1], FUTEX_WAKE, 100, NULL, NULL, 0) == 1);
    for (i = 0; i < NCHILD; i++)
        reap_ok(pid[i]);
    return 0;
}
