/* A guest thread that computes long between its system calls has them waited for on its
 * own host CPU, which its stub tells the simulator through a word of the thread's slot
 * (struct stub_ctx's cpu).  Guest code can write that word: a thread that scribbles
 * every slot's word with CPU numbers no host has (and with real ones) while another
 * thread computes and calls must not upset the simulator, and every call must still be
 * answered right.  The bare-metal kernel has no stub. */
/* guest-test: trellis-only */
#include "guest.h"
#include "stub_gate.h"

#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <time.h>

#define STUB_SLOTS (STUB_BASE + 0x01000000UL)
#define SLOT_SIZE 0x10000UL
#define SLOT_CPU_WORD 0xE02CUL   /* struct stub_ctx at +0xE000, its cpu at +44 */
#define NSLOTS 64
#define CALLS 300

static sigjmp_buf probe_env;
static volatile int done, scribbler_out;
static volatile uint64_t slots;

static volatile uint32_t *cpu_word(unsigned int slot)
{
    return (volatile uint32_t *)(STUB_SLOTS + slot * SLOT_SIZE + SLOT_CPU_WORD);
}

static void on_segv(int sig)
{
    (void)sig;
    siglongjmp(probe_env, 1);
}

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Computes for 150-400 us, then calls, CALLS times; returns the wrong answers. */
static void *caller(void *arg)
{
    pid_t ppid = getppid();
    long wrong = 0;
    int i;

    (void)arg;
    for (i = 0; i < CALLS; i++) {
        double until = now() + (150 + (i * 37) % 250) / 1e6;

        while (now() < until)
            ;
        if (getppid() != ppid)
            wrong++;
    }
    done = 1;
    while (!scribbler_out)   /* our slot goes when we end: not under its writes */
        ;
    return (void *)wrong;
}

static void *scribbler(void *arg)
{
    static const uint32_t values[] = { 0xffffffffu, 4096, 1024, 1u << 20, 63, 1, 0, 0xfffu };
    unsigned int k = 0, i;

    (void)arg;
    while (!done) {
        for (i = 0; i < NSLOTS; i++)
            if (slots & (1ULL << i))
                *cpu_word(i) = values[k % (sizeof values / sizeof values[0])];
        k++;
    }
    scribbler_out = 1;
    return NULL;
}

int main(void)
{
    struct sigaction sa = { .sa_handler = on_segv };
    volatile uint64_t m = 0;
    volatile unsigned int i;
    pthread_t c, s;
    void *wrong;

    CHECK_OK(sigaction(SIGSEGV, &sa, NULL));
    CHECK(pthread_create(&c, NULL, caller, NULL) == 0);
    CHECK(pthread_create(&s, NULL, scribbler, NULL) == 0);
    /* Which slots are mapped: a read of an unmapped one faults. */
    for (i = 0; i < NSLOTS; i++) {
        if (sigsetjmp(probe_env, 1) != 0)
            continue;
        (void)*cpu_word(i);
        m |= 1ULL << i;
    }
    if (m == 0)
        FAIL("no stub slot is mapped: update this test");
    slots = m;
    CHECK(pthread_join(c, &wrong) == 0);
    CHECK(pthread_join(s, NULL) == 0);
    if (wrong != NULL)
        FAIL("%ld of %d calls answered wrong", (long)wrong, CALLS);
    return 0;
}
