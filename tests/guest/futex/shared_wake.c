/* A shared futex in a MAP_SHARED page joins processes: a child sleeps in FUTEX_WAIT and
 * the parent's FUTEX_WAKE wakes it (0), whether the page was touched before the fork
 * or not; a private futex on the same word is a different futex, and so is a shared
 * futex on MAP_PRIVATE memory, which fork copies. */
#include "futex_util.h"

int main(void)
{
    uint32_t *sh = shared_page();
    static uint32_t priv;
    pid_t pid;

    sh[0] = 0;                          /* touched before the fork; sh[512] is not */
    pid = CHECK_OK(fork());
    if (pid == 0) {
        if (futex(&sh[0], FUTEX_WAIT, 0, NULL, NULL, 0) != 0)
            _exit(2);
        if (futex(&sh[512], FUTEX_WAIT, 0, NULL, NULL, 0) != 0)
            _exit(3);
        /* Private memory: only a 100 ms timeout ends this wait. */
        struct timespec ts = { 0, 100 * 1000000L };
        if (futex(&priv, FUTEX_WAIT, 0, &ts, NULL, 0) != -1 || errno != ETIMEDOUT)
            _exit(4);
        _exit(0);
    }
    WAKE_UNTIL(futex(&sh[0], FUTEX_WAKE, 1, NULL, NULL, 0), 1);
    pause_ms(20);
    CHECK(futex(&sh[512], FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0) == 0);
    WAKE_UNTIL(futex(&sh[512], FUTEX_WAKE, 1, NULL, NULL, 0), 1);
    pause_ms(20);
    CHECK(futex(&priv, FUTEX_WAKE, 1, NULL, NULL, 0) == 0);
    reap_ok(pid);
    return 0;
}
