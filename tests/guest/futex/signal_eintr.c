/* A signal whose handler lacks SA_RESTART ends FUTEX_WAIT with EINTR, with or without a
 * timeout.  With SA_RESTART an untimed wait restarts after the handler (here until the
 * word changes and a wake comes), while a timed one still fails with EINTR. */
#include "futex_util.h"
#include <signal.h>

static volatile int hits;
static void handler(int sig) { (void)sig; hits++; }

static void set_handler(int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = flags;
    CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
}

/* A child that signals the parent after 50 ms, then (if word) sets it and wakes it. */
static pid_t poke(uint32_t *word)
{
    pid_t parent = getpid(), pid = CHECK_OK(fork());
    if (pid == 0) {
        pause_ms(50);
        kill(parent, SIGUSR1);
        if (word != NULL) {
            pause_ms(50);
            __atomic_store_n(word, 1, __ATOMIC_SEQ_CST);
            futex(word, FUTEX_WAKE, 1, NULL, NULL, 0);
        }
        _exit(0);
    }
    return pid;
}

int main(void)
{
    uint32_t *sh = shared_page();
    struct timespec ts = { 10, 0 };
    pid_t pid;
    long r;

    set_handler(0);
    pid = poke(NULL);
    CHECK_ERR(futex(&sh[0], FUTEX_WAIT, 0, NULL, NULL, 0), EINTR);
    CHECK(hits == 1);
    reap_ok(pid);
    pid = poke(NULL);
    CHECK_ERR(futex(&sh[0], FUTEX_WAIT_PRIVATE, 0, &ts, NULL, 0), EINTR);
    CHECK(hits == 2);
    reap_ok(pid);

    set_handler(SA_RESTART);
    pid = poke(NULL);
    CHECK_ERR(futex(&sh[0], FUTEX_WAIT, 0, &ts, NULL, 0), EINTR);
    CHECK(hits == 3);
    reap_ok(pid);
    pid = poke(&sh[1]);
    r = futex(&sh[1], FUTEX_WAIT, 0, NULL, NULL, 0);
    CHECK(r == 0 || (r == -1 && errno == EAGAIN));
    CHECK(hits == 4);
    CHECK(sh[1] == 1);
    reap_ok(pid);
    return 0;
}
