/* Each guest thread's host thread has a slot in the stub's area, whose event words guest
 * code can write.  One of them is the host thread's id, which the kernel clears when the
 * thread ends; the simulator waits for that when it ends a thread.  A guest that keeps
 * writing the word of its ending thread must not keep the simulator waiting for ever: the
 * thread's end (and so pthread_join) must still come.  The bare-metal kernel has no stub. */
/* guest-test: trellis-only */
#include "guest.h"
#include "stub_slots.h"

#include <pthread.h>
#include <time.h>

#define SLOT_TID_WORD 0xE020UL   /* struct stub_ctx's tid, at +32 */

static int gate[2];

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
    uint64_t before, after;
    unsigned int slot;
    pthread_t t;
    double end;

    CHECK_OK(pipe(gate));
    before = stub_mapped_slots();
    if (before == 0)   /* not even this thread's slot: no stub (bare metal), nothing to check */
        return 0;
    CHECK(pthread_create(&t, NULL, ender, NULL) == 0);
    after = stub_mapped_slots();
    if ((after & ~before) == 0)
        FAIL("no new stub slot for the new thread: update this test");
    slot = (unsigned int)__builtin_ctzll(after & ~before);
    /* Let the thread end, and keep its host thread's id word set meanwhile. */
    CHECK(write(gate[1], "x", 1) == 1);
    for (end = now() + 0.3; now() < end;)
        *stub_slot_word(slot, SLOT_TID_WORD) = 1;
    CHECK(pthread_join(t, NULL) == 0);
    return 0;
}
