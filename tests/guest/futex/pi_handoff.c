/* A PI futex handed between processes: the parent takes it with FUTEX_LOCK_PI (its TID
 * in the word); a child's FUTEX_LOCK_PI blocks and sets FUTEX_WAITERS; the parent's
 * FUTEX_UNLOCK_PI hands the lock straight to the child (the word becomes the child's
 * TID with FUTEX_WAITERS); the child's unlock, with no one waiting, leaves 0. */
#include "futex_util.h"

int main(void)
{
    uint32_t *sh = shared_page();
    uint32_t me = (uint32_t)getpid();
    pid_t pid;

    CHECK(futex(&sh[0], FUTEX_LOCK_PI, 0, NULL, NULL, 0) == 0);
    CHECK(sh[0] == me);
    pid = CHECK_OK(fork());
    if (pid == 0) {
        uint32_t self = (uint32_t)getpid();
        if (futex(&sh[0], FUTEX_LOCK_PI, 0, NULL, NULL, 0) != 0)
            _exit(2);
        if (sh[0] != (self | FUTEX_WAITERS))
            _exit(3);
        sh[1] = 1;
        if (futex(&sh[0], FUTEX_UNLOCK_PI, 0, NULL, NULL, 0) != 0)
            _exit(4);
        _exit(sh[0] == 0 ? 0 : 5);
    }
    for (int i = 0; !(__atomic_load_n(&sh[0], __ATOMIC_SEQ_CST) & FUTEX_WAITERS); i++) {
        if (i == 10000)
            FAIL("the child never waited: word 0x%x", sh[0]);
        pause_ms(1);
    }
    CHECK(sh[0] == (me | FUTEX_WAITERS));
    CHECK(sh[1] == 0);
    CHECK(futex(&sh[0], FUTEX_UNLOCK_PI, 0, NULL, NULL, 0) == 0);
    reap_ok(pid);
    CHECK(sh[1] == 1);
    CHECK(sh[0] == 0);
    return 0;
}
