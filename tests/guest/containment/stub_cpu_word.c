/* A guest thread that computes long between its system calls has them waited for on its
 * own host CPU, which its stub tells the simulator through a word of the thread's slot
 * (struct stub_ctx's cpu).  Guest code can write that word: a thread that scribbles
 * every slot's word with CPU numbers no host has (and with real ones) while another
 * thread computes and calls must not upset the simulator, and every call must still be
 * answered right.  The bare-metal kernel has no stub: there only the calls are checked. */
/* guest-test: trellis-only */
#include "guest.h"
#include "stub_slots.h"

#include <pthread.h>
#include <time.h>

#define SLOT_CPU_WORD 0xE02CUL   /* struct stub_ctx's cpu, at +44 */
#define CALLS 300

static volatile int done, scribbler_out;
static volatile uint64_t slots;

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
                *stub_slot_word(i, SLOT_CPU_WORD) = values[k % (sizeof values / sizeof values[0])];
        k++;
    }
    scribbler_out = 1;
    return NULL;
}

int main(void)
{
    pthread_t c, s;
    void *wrong;

    CHECK(pthread_create(&c, NULL, caller, NULL) == 0);
    CHECK(pthread_create(&s, NULL, scribbler, NULL) == 0);
    slots = stub_mapped_slots();   /* none on bare metal: only the calls are checked */
    CHECK(pthread_join(c, &wrong) == 0);
    CHECK(pthread_join(s, NULL) == 0);
    if (wrong != NULL)
        FAIL("%ld of %d calls answered wrong", (long)wrong, CALLS);
    return 0;
}
