/* The PI operations' errors: EDEADLK for a lock the caller holds, EPERM to unlock one it
 * does not, ESRCH when the word names no thread, EAGAIN (EWOULDBLOCK) from
 * FUTEX_TRYLOCK_PI on a held lock (which still sets FUTEX_WAITERS), EINVAL for a word
 * that non-PI waiters sleep on, ETIMEDOUT from a timed FUTEX_LOCK_PI (absolute,
 * CLOCK_REALTIME) and FUTEX_LOCK_PI2 (absolute, CLOCK_MONOTONIC).  A free word is taken
 * at once, keeping FUTEX_OWNER_DIED. */
#include "futex_util.h"

static uint32_t word;

int main(void)
{
    uint32_t *sh = shared_page();
    uint32_t me = (uint32_t)syscall(SYS_gettid);
    struct timespec ts, past;
    pid_t pid, dead;
    int st;

    CHECK(futex(&word, FUTEX_LOCK_PI_PRIVATE, 0, NULL, NULL, 0) == 0);
    CHECK(word == me);
    CHECK_ERR(futex(&word, FUTEX_LOCK_PI_PRIVATE, 0, NULL, NULL, 0), EDEADLK);
    CHECK_ERR(futex(&word, FUTEX_TRYLOCK_PI_PRIVATE, 0, NULL, NULL, 0), EDEADLK);
    CHECK(futex(&word, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0) == 0);
    CHECK(word == 0);
    CHECK_ERR(futex(&word, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0), EPERM);
    CHECK(futex(&word, FUTEX_TRYLOCK_PI_PRIVATE, 0, NULL, NULL, 0) == 0);
    CHECK(word == me);
    word = FUTEX_OWNER_DIED;
    CHECK(futex(&word, FUTEX_LOCK_PI_PRIVATE, 0, NULL, NULL, 0) == 0);
    CHECK(word == (me | FUTEX_OWNER_DIED));
    CHECK(futex(&word, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0) == 0);
    CHECK(word == 0);

    /* A TID no thread has. */
    dead = CHECK_OK(fork());
    if (dead == 0)
        _exit(0);
    CHECK(waitpid(dead, &st, 0) == dead);
    word = (uint32_t)dead;
    CHECK_ERR(futex(&word, FUTEX_LOCK_PI_PRIVATE, 0, NULL, NULL, 0), ESRCH);
    word = (uint32_t)dead;
    CHECK_ERR(futex(&word, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0), EPERM);

    /* Held by a live child: trylock fails but marks the word; timed locks time out. */
    pid = CHECK_OK(fork());
    if (pid == 0) {
        if (futex(&sh[0], FUTEX_LOCK_PI, 0, NULL, NULL, 0) != 0)
            _exit(2);
        sh[1] = 1;
        while (__atomic_load_n(&sh[2], __ATOMIC_SEQ_CST) == 0)
            pause_ms(1);
        _exit(0);
    }
    for (int i = 0; __atomic_load_n(&sh[1], __ATOMIC_SEQ_CST) == 0; i++) {
        if (i == 10000)
            FAIL("the child never locked");
        pause_ms(1);
    }
    CHECK(sh[0] == (uint32_t)pid);
    CHECK_ERR(futex(&sh[0], FUTEX_TRYLOCK_PI, 0, NULL, NULL, 0), EAGAIN);
    CHECK(sh[0] == ((uint32_t)pid | FUTEX_WAITERS));
    CHECK_ERR(futex(&sh[0], FUTEX_UNLOCK_PI, 0, NULL, NULL, 0), EPERM);
    CHECK_OK(clock_gettime(CLOCK_REALTIME, &past));
    past.tv_sec -= 1;
    CHECK_ERR(futex(&sh[0], FUTEX_LOCK_PI, 0, &past, NULL, 0), ETIMEDOUT);
    ts.tv_sec = 0;                      /* CLOCK_MONOTONIC may start near 0 */
    ts.tv_nsec = 1;
    CHECK_ERR(futex(&sh[0], FUTEX_LOCK_PI2, 0, &ts, NULL, 0), ETIMEDOUT);
    CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &ts));
    ts.tv_nsec += 30 * 1000000;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    CHECK_ERR(futex(&sh[0], FUTEX_LOCK_PI2, 0, &ts, NULL, 0), ETIMEDOUT);
    CHECK_ERR(futex(&sh[0], FUTEX_LOCK_PI2 | FUTEX_CLOCK_REALTIME, 0, &past, NULL, 0),
              ETIMEDOUT);
    sh[2] = 1;
    reap_ok(pid);

    /* Non-PI waiters on the word: EINVAL. */
    sh[3] = 0;
    pid = CHECK_OK(fork());
    if (pid == 0)
        _exit(futex(&sh[3], FUTEX_WAIT, 0, NULL, NULL, 0) == 0 ? 0 : 2);
    /* Asleep once a requeue onto the same word finds it. */
    WAKE_UNTIL(futex2(&sh[3], FUTEX_CMP_REQUEUE, 0, 1, &sh[3], 0), 1);
    CHECK_ERR(futex(&sh[3], FUTEX_LOCK_PI, 0, NULL, NULL, 0), EINVAL);
    WAKE_UNTIL(futex(&sh[3], FUTEX_WAKE, 1, NULL, NULL, 0), 1);
    reap_ok(pid);
    return 0;
}
