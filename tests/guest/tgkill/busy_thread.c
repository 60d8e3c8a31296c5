/* Signals sent one at a time to a thread that makes a system call and then
 * computes until the signal has been handled all arrive, each handled once
 * (a lost one leaves the thread computing for good), and the thread's
 * vector registers survive every system call and every handler (which
 * clobbers them).  The sender waits a varying while before each signal, so
 * the signals find the thread at every point of its system call's way
 * through Trellis, as well as computing.  The sender spins a bounded while
 * and then sleeps, so that the worker (which must not make a system call
 * while it waits, or that call would deliver a lost signal) gets the CPU
 * when the two share one (on a loaded machine), where an unbounded spin
 * costs a time slice per signal. */
#include "guest.h"
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <time.h>

#define SIGNALS 3000
/* With one CPU each signal waits for the computing worker's time slice to end
 * (a tick of the bare-metal kernel under QEMU: 60 s for 3000): fewer then. */
#define SIGNALS_ONE_CPU 300
#define SPINS (1 << 14)          /* wait this long before sleeping */

static volatile int handled;
static volatile int stop;
static volatile long bad;        /* a syscall whose xmm8 changed */
static volatile pid_t worker_tid;

static void handler(int sig)
{
    (void)sig;
    __asm__ volatile("pcmpeqd %%xmm8, %%xmm8" ::: "xmm8");
    __atomic_fetch_add(&handled, 1, __ATOMIC_SEQ_CST);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void *worker(void *arg)
{
    unsigned long long in[2], out[2];
    unsigned long i = 0;

    (void)arg;
    worker_tid = (pid_t)syscall(SYS_gettid);
    while (!stop) {
        int seen = __atomic_load_n(&handled, __ATOMIC_SEQ_CST);

        in[0] = 0x0123456789abcdefULL ^ i;
        in[1] = ~in[0];
        __asm__ volatile("movdqu %1, %%xmm8\n\t"
                         "mov %2, %%eax\n\t"
                         "syscall\n\t"
                         "movdqu %%xmm8, %0"
                         : "=m"(out)
                         : "m"(in), "i"(SYS_getppid)
                         : "rax", "rcx", "r11", "xmm8", "memory");
        if (out[0] != in[0] || out[1] != in[1])
            bad++;
        while (__atomic_load_n(&handled, __ATOMIC_SEQ_CST) == seen && !stop)
            ;
        i++;
    }
    return NULL;
}

int main(void)
{
    struct sigaction sa = { .sa_handler = handler };
    const struct timespec nap = { .tv_nsec = 20000 };
    int signals = sysconf(_SC_NPROCESSORS_ONLN) > 1 ? SIGNALS : SIGNALS_ONE_CPU;
    pthread_t t;
    int i;

    CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
    CHECK(pthread_create(&t, NULL, worker, NULL) == 0);
    while (worker_tid == 0)
        sched_yield();
    for (i = 0; i < signals; i++) {
        double until = now() + 10;
        int k = 0;

        for (volatile int d = 0; d < (i * 7) % 400; d++)
            ;
        CHECK_OK(syscall(SYS_tgkill, getpid(), worker_tid, SIGUSR1));
        while (__atomic_load_n(&handled, __ATOMIC_SEQ_CST) == i) {
            if (++k % SPINS != 0)
                continue;
            if (now() > until)
                FAIL("signal %d of %d not handled in 10 s", i + 1, signals);
            nanosleep(&nap, NULL);
        }
    }
    stop = 1;
    CHECK(pthread_join(t, NULL) == 0);
    if (handled != signals)
        FAIL("handled %d signals, sent %d", handled, signals);
    if (bad != 0)
        FAIL("%ld system calls lost xmm8", bad);
    return 0;
}
