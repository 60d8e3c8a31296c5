/* POSIX timers: SIGEV_SIGNAL with a real-time signal carrying si_value
 * and SI_TIMER, a periodic timer's overruns while its signal is blocked,
 * gettime, TIMER_ABSTIME, delete, and Linux's errors. */
#include "guest.h"
#include <signal.h>
#include <time.h>

int main(void)
{
    struct sigevent se;
    struct itimerspec its, got;
    struct timespec now;
    siginfo_t si;
    sigset_t set;
    timer_t tm;
    int sig = SIGRTMIN + 2;

    sigemptyset(&set);
    sigaddset(&set, sig);
    CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
    memset(&se, 0, sizeof(se));
    se.sigev_notify = SIGEV_SIGNAL;
    se.sigev_signo = sig;
    se.sigev_value.sival_int = 4321;
    CHECK_OK(timer_create(CLOCK_MONOTONIC, &se, &tm));

    memset(&its, 0, sizeof(its));
    its.it_value.tv_nsec = 5 * 1000 * 1000;
    CHECK_OK(timer_settime(tm, 0, &its, NULL));
    CHECK(sigwaitinfo(&set, &si) == sig);
    CHECK(si.si_code == SI_TIMER && si.si_value.sival_int == 4321);
    CHECK_OK(timer_gettime(tm, &got));
    CHECK(got.it_value.tv_sec == 0 && got.it_value.tv_nsec == 0);

    /* Periodic, 2 ms, while blocked: expirations pile up as overruns. */
    its.it_value.tv_nsec = 2 * 1000 * 1000;
    its.it_interval.tv_nsec = 2 * 1000 * 1000;
    CHECK_OK(timer_settime(tm, 0, &its, NULL));
    struct timespec wait = { 0, 50 * 1000 * 1000 };
    nanosleep(&wait, NULL);
    CHECK(sigwaitinfo(&set, &si) == sig);
    CHECK(timer_getoverrun(tm) >= 0);
    CHECK_OK(timer_gettime(tm, &got));
    CHECK(got.it_interval.tv_nsec == 2 * 1000 * 1000);

    /* Absolute, on CLOCK_REALTIME, 10 ms ahead. */
    CHECK_OK(timer_delete(tm));
    se.sigev_value.sival_int = 99;
    CHECK_OK(timer_create(CLOCK_REALTIME, &se, &tm));
    CHECK_OK(clock_gettime(CLOCK_REALTIME, &now));
    memset(&its, 0, sizeof(its));
    its.it_value = now;
    its.it_value.tv_nsec += 10 * 1000 * 1000;
    if (its.it_value.tv_nsec >= 1000000000) {
        its.it_value.tv_sec++;
        its.it_value.tv_nsec -= 1000000000;
    }
    CHECK_OK(timer_settime(tm, TIMER_ABSTIME, &its, NULL));
    CHECK(sigwaitinfo(&set, &si) == sig && si.si_value.sival_int == 99);
    CHECK_OK(timer_delete(tm));

    CHECK_ERR(syscall(SYS_timer_delete, 12345), EINVAL);
    CHECK_ERR(syscall(SYS_timer_settime, 12345, 0, &its, NULL), EINVAL);
    CHECK_ERR(syscall(SYS_timer_create, 12345, NULL, &tm), EINVAL);
    se.sigev_notify = 99;
    CHECK_ERR(syscall(SYS_timer_create, CLOCK_MONOTONIC, &se, &tm), EINVAL);
    se.sigev_notify = SIGEV_SIGNAL;
    se.sigev_signo = 65;
    CHECK_ERR(syscall(SYS_timer_create, CLOCK_MONOTONIC, &se, &tm), EINVAL);
    se.sigev_signo = sig;
    CHECK_OK(timer_create(CLOCK_MONOTONIC, &se, &tm));
    its.it_value.tv_nsec = 1000000000;
    CHECK_ERR(timer_settime(tm, 0, &its, NULL), EINVAL);
    CHECK_OK(timer_delete(tm));
    return 0;
}
