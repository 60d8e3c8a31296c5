/* FUTEX_WAIT_REQUEUE_PI and FUTEX_CMP_REQUEUE_PI across processes: a child waits on a
 * condition word naming a PI lock; the requeue takes the free lock for it (the word
 * becomes its TID with FUTEX_WAITERS) and wakes it as the owner (result 1).  The
 * operations' own checks: nr_wake other than 1, one word for both, a wrong expected
 * value (EAGAIN), a plain FUTEX_WAKE of such a waiter (EINVAL). */
#include "futex_util.h"

int main(void)
{
    uint32_t *sh = shared_page();
    pid_t pid;

    CHECK_ERR(futex2(&sh[0], FUTEX_CMP_REQUEUE_PI, 2, 1, &sh[1], 0), EINVAL);
    CHECK_ERR(futex2(&sh[0], FUTEX_CMP_REQUEUE_PI, 1, 1, &sh[0], 0), EINVAL);
    CHECK_ERR(futex(&sh[0], FUTEX_WAIT_REQUEUE_PI, 0, NULL, &sh[0], 0), EINVAL);
    CHECK_ERR(futex(&sh[0], FUTEX_WAIT_REQUEUE_PI, 1, NULL, &sh[1], 0), EAGAIN);

    pid = CHECK_OK(fork());
    if (pid == 0) {
        uint32_t self = (uint32_t)getpid();
        if (futex(&sh[0], FUTEX_WAIT_REQUEUE_PI, 0, NULL, &sh[1], 0) != 0)
            _exit(2);
        if (sh[1] != (self | FUTEX_WAITERS))
            _exit(3);
        if (futex(&sh[1], FUTEX_UNLOCK_PI, 0, NULL, NULL, 0) != 0)
            _exit(4);
        _exit(sh[1] == 0 ? 0 : 5);
    }
    FAIL_ONCE_ASLEEP(futex(&sh[0], FUTEX_WAKE, 1, NULL, NULL, 0), EINVAL);
    CHECK_ERR(futex2(&sh[0], FUTEX_CMP_REQUEUE_PI, 1, 1, &sh[1], 7), EAGAIN);
    WAKE_UNTIL(futex2(&sh[0], FUTEX_CMP_REQUEUE_PI, 1, 1, &sh[1], 0), 1);
    reap_ok(pid);
    CHECK(sh[1] == 0);
    return 0;
}
