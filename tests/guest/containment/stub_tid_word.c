/* Each guest thread's host thread has a slot in the stub's area, whose event words guest
 * code can write.  One of them is the host thread's id, which the kernel clears when the
 * thread ends; the simulator waits for that when it ends a thread.  A guest that keeps
 * writing the word of its ending thread must not keep the simulator waiting for ever: the
 * thread's end (and so pthread_join) must still come.  The bare-metal kernel has no stub. */
/* guest-test: trellis-only */
#include "guest.h"
#include "stub_gate.h"

#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <time.h>

#define STUB_SLOTS (STUB_BASE + 0x01000000UL)
#define SLOT_SIZE 0x10000UL
#define SLOT_TID_WORD 0xE020UL   /* struct stub_ctx at +0xE000, its tid at +32 */
#define NSLOTS 64

static sigjmp_buf probe_env;
static int gate[2];

static volatile uint32_t *tid_word(unsigned int slot)
{
    return (volatile uint32_t *)(STUB_SLOTS + slot * SLOT_SIZE + SLOT_TID_WORD);
}

static void on_segv(int sig)
{
    (void)sig;
    siglongjmp(probe_env, 1);
}

/* Which slots are mapped, as a bit mask: a read of an unmapped one faults. */
static uint64_t mapped_slots(void)
{
    volatile uint64_t m = 0;
    volatile unsigned int i;

    for (i = 0; i < NSLOTS; i++) {
        if (sigsetjmp(probe_env, 1) != 0)
            continue;
        (void)*tid_word(i);
        m |= 1ULL << i;
    }
    return m;
}

static void *ender(void *arg)
{
    char c;

    (void)arg;
    CHECK(read(gate[0], &c, 1) == 1);
    return NULL;
}

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void)
{
    struct sigaction sa = { .sa_handler = on_segv };
    uint64_t before, after;
    unsigned int slot;
    pthread_t t;
    double end;

    CHECK_OK(pipe(gate));
    CHECK_OK(sigaction(SIGSEGV, &sa, NULL));
    before = mapped_slots();
    if (before == 0)   /* not even this thread's slot: no stub (bare metal), nothing to check */
        return 0;
    CHECK(pthread_create(&t, NULL, ender, NULL) == 0);
    after = mapped_slots();
    if ((after & ~before) == 0)
        FAIL("no new stub slot for the new thread: update this test");
    slot = (unsigned int)__builtin_ctzll(after & ~before);
    /* Let the thread end, and keep its host thread's id word set meanwhile. */
    CHECK(write(gate[1], "x", 1) == 1);
    for (end = now() + 0.3; now() < end;)
        *tid_word(slot) = 1;
    CHECK(pthread_join(t, NULL) == 0);
    return 0;
}
