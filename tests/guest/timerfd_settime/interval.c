/* A periodic timerfd counts every expiry: a read after about three and a
 * half intervals returns 3 (more if the sleep ran late: as many as whole
 * intervals passed), the next one waits for at least one more (and,
 * woken late on a busy machine, counts what passed meanwhile); gettime
 * shows the interval and at most one interval left. */
#include "guest.h"
#include <stdint.h>
#include <sys/timerfd.h>
#include <time.h>

static uint64_t now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_BOOTTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int main(void)
{
    struct itimerspec it = { { 0, 40 * 1000 * 1000 }, { 0, 40 * 1000 * 1000 } }, cur;
    struct timespec ts = { 0, 140 * 1000 * 1000 };
    int fd = CHECK_OK(timerfd_create(CLOCK_BOOTTIME, 0));
    uint64_t n, n1, t0, t1, t2;

    t0 = now_ns();
    CHECK_OK(timerfd_settime(fd, 0, &it, NULL));
    nanosleep(&ts, NULL);
    CHECK(CHECK_OK(read(fd, &n, sizeof n)) == 8);
    t1 = now_ns();
    CHECK(n >= 3 && n <= (t1 - t0) / (40 * 1000 * 1000));
    n1 = n;
    CHECK(CHECK_OK(read(fd, &n, sizeof n)) == 8);
    t2 = now_ns();
    CHECK(n >= 1 && n1 + n <= (t2 - t0) / (40 * 1000 * 1000));
    CHECK_OK(timerfd_gettime(fd, &cur));
    CHECK(cur.it_interval.tv_sec == 0 && cur.it_interval.tv_nsec == 40 * 1000 * 1000);
    CHECK(cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec <= 40 * 1000 * 1000);
    /* Disarming: nothing left, nothing more to read. */
    it = (struct itimerspec){ { 0, 0 }, { 0, 0 } };
    CHECK_OK(timerfd_settime(fd, 0, &it, &cur));
    CHECK(cur.it_interval.tv_nsec == 40 * 1000 * 1000);
    CHECK_OK(fcntl(fd, F_SETFL, O_NONBLOCK));
    CHECK_ERR(read(fd, &n, sizeof n), EAGAIN);
    return 0;
}
