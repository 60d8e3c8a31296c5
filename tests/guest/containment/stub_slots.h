/* Helpers for the tests that write the stub's per-thread slots: each guest thread's
 * host thread has a 64 KiB slot in the stub's area, whose event words guest code can
 * write (struct stub_ctx at +0xE000).  A word of slot i, and which slots are mapped. */
#include "stub_gate.h"

#include <setjmp.h>
#include <signal.h>

#define STUB_SLOTS (STUB_BASE + 0x01000000UL)
#define SLOT_SIZE 0x10000UL
#define NSLOTS 64

static sigjmp_buf stub_probe_env;

static inline volatile uint32_t *stub_slot_word(unsigned int slot, unsigned long off)
{
    return (volatile uint32_t *)(STUB_SLOTS + slot * SLOT_SIZE + off);
}

static void stub_probe_segv(int sig)
{
    (void)sig;
    siglongjmp(stub_probe_env, 1);
}

/* Which of the first NSLOTS slots are mapped, as a bit mask: a read of an unmapped
 * one faults.  Only the calling thread may probe; SIGSEGV's action is restored. */
static inline uint64_t stub_mapped_slots(void)
{
    struct sigaction sa = { .sa_handler = stub_probe_segv }, old;
    volatile uint64_t m = 0;
    volatile unsigned int i;

    if (sigaction(SIGSEGV, &sa, &old) != 0)
        return 0;
    for (i = 0; i < NSLOTS; i++) {
        if (sigsetjmp(stub_probe_env, 1) != 0)
            continue;
        (void)*stub_slot_word(i, 0xE000);
        m |= 1ULL << i;
    }
    sigaction(SIGSEGV, &old, NULL);
    return m;
}
