/* The CPU-time clocks and timers on them: CLOCK_PROCESS_CPUTIME_ID and
 * CLOCK_THREAD_CPUTIME_ID advance while the program computes, not while it
 * sleeps; clock_getcpuclockid and pthread_getcpuclockid name the same
 * clocks (and a child's); a timer on a CPU-time clock fires once that much
 * CPU time is used, never during a sleep, and timer_gettime counts down in
 * CPU time. */
#include "guest.h"
#include <pthread.h>
#include <signal.h>
#include <time.h>

#define MS 1000000LL

static volatile sig_atomic_t fired;

static void on_usr1(int sig)
{
    (void)sig;
    fired++;
}

static long long now(clockid_t c)
{
    struct timespec ts;
    CHECK_OK(clock_gettime(c, &ts));
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Computes until clock c has advanced by ns, or fired, or 5 s go by. */
static void spin(clockid_t c, long long ns)
{
    long long start = now(c), wall = now(CLOCK_MONOTONIC);
    while (now(c) - start < ns && !fired)
        if (now(CLOCK_MONOTONIC) - wall > 5000 * MS)
            FAIL("clock %d did not advance by %lld ns in 5 s", (int)c, ns);
}

static void timer_on(clockid_t c)
{
    struct sigevent se = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1 };
    /* Far above what the calls below cost, even under Valgrind. */
    struct itimerspec its = { .it_value = { 0, 200 * MS } }, cur;
    timer_t id;

    fired = 0;
    CHECK_OK(timer_create(c, &se, &id));
    long long c0 = now(c);              /* before arming: a lower bound */
    CHECK_OK(timer_settime(id, 0, &its, NULL));
    CHECK_OK(timer_gettime(id, &cur));
    CHECK(cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec > 0 &&
          cur.it_value.tv_nsec <= 200 * MS);
    struct timespec nap = { 0, 100 * MS };
    CHECK_OK(nanosleep(&nap, NULL));    /* sleeping uses no CPU time */
    CHECK(fired == 0);
    spin(c, 5000 * MS);
    CHECK(fired == 1);
    if (now(c) - c0 < 200 * MS)
        FAIL("fired after %lld ns of CPU time", now(c) - c0);
    CHECK_OK(timer_gettime(id, &cur));
    CHECK(cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0);
    CHECK_OK(timer_delete(id));
}

int main(void)
{
    clockid_t pc, tc, cc;

    signal(SIGUSR1, on_usr1);

    /* Sleeping: the CPU clocks stand (nearly) still.  Nearly: Trellis
     * charges a thread's user time from the simulator's side of the
     * hand-off, and under Valgrind on a loaded host the waits around the
     * two calls came to 52 and 61 ms; a clock that counted the sleep
     * would move 200. */
    long long p0 = now(CLOCK_PROCESS_CPUTIME_ID);
    struct timespec nap = { 0, 200 * MS };
    CHECK_OK(nanosleep(&nap, NULL));
    long long slept = now(CLOCK_PROCESS_CPUTIME_ID) - p0;
    if (slept > 100 * MS)
        FAIL("the process clock moved %lld ns during a 200 ms sleep", slept);

    /* Computing: they advance, and the named ids read the same clocks. */
    CHECK_OK(clock_getcpuclockid(getpid(), &pc));
    CHECK_OK(pthread_getcpuclockid(pthread_self(), &tc));
    long long a = now(CLOCK_PROCESS_CPUTIME_ID);
    spin(CLOCK_THREAD_CPUTIME_ID, 50 * MS);
    long long b = now(pc);
    if (b - a < 40 * MS)
        FAIL("the process clock moved %lld ns in 50 ms of computing", b - a);
    CHECK(now(tc) >= 50 * MS);
    CHECK(now(tc) <= now(CLOCK_PROCESS_CPUTIME_ID) + MS);

    pid_t c = CHECK_OK(fork());
    if (c == 0) {
        spin(CLOCK_PROCESS_CPUTIME_ID, 30 * MS);
        pause();
        _exit(0);
    }
    CHECK_OK(clock_getcpuclockid(c, &cc));
    struct timespec ts;
    for (int i = 0; i < 500; i++) {
        CHECK_OK(clock_gettime(cc, &ts));
        if (ts.tv_sec * 1000000000LL + ts.tv_nsec >= 30 * MS)
            break;
        usleep(10000);
    }
    CHECK(ts.tv_sec * 1000000000LL + ts.tv_nsec >= 30 * MS);
    CHECK_OK(kill(c, SIGKILL));
    CHECK(waitpid(c, NULL, 0) == c);

    CHECK_ERR(clock_gettime((clockid_t)-5 /* which 3 */, &ts), EINVAL);

    timer_on(CLOCK_PROCESS_CPUTIME_ID);
    timer_on(CLOCK_THREAD_CPUTIME_ID);
    timer_on(pc);
    return 0;
}
