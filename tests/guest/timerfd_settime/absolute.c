/* TFD_TIMER_ABSTIME: a deadline already past fires at once; with an
 * interval, every interval since then counts as an expiry
 * (TFD_TIMER_CANCEL_ON_SET changes nothing while no one sets the clock).
 * An absolute deadline in the future is not readable before it. */
#include "guest.h"
#include <poll.h>
#include <stdint.h>
#include <sys/timerfd.h>
#include <time.h>

int main(void)
{
    struct itimerspec it;
    struct timespec now;
    struct pollfd pfd = { .events = POLLIN };
    int fd = CHECK_OK(timerfd_create(CLOCK_REALTIME, 0));
    uint64_t n;

    /* The monotonic clock may be younger than 10 s: the wall clock is not. */
    clock_gettime(CLOCK_REALTIME, &now);
    it.it_value = (struct timespec){ now.tv_sec - 10, now.tv_nsec };
    it.it_interval = (struct timespec){ 1, 0 };
    CHECK_OK(timerfd_settime(fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &it, NULL));
    CHECK(CHECK_OK(read(fd, &n, sizeof n)) == 8);
    CHECK(n == 11);

    /* Nor a monotonic deadline in the future. */
    fd = CHECK_OK(timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK));
    clock_gettime(CLOCK_MONOTONIC, &now);
    it.it_value = (struct timespec){ now.tv_sec + 1, now.tv_nsec };
    it.it_interval = (struct timespec){ 0, 0 };
    CHECK_OK(timerfd_settime(fd, TFD_TIMER_ABSTIME, &it, NULL));
    CHECK_ERR(read(fd, &n, sizeof n), EAGAIN);
    pfd.fd = fd;
    CHECK(CHECK_OK(poll(&pfd, 1, 1500)) == 1);
    CHECK(CHECK_OK(read(fd, &n, sizeof n)) == 8 && n == 1);
    return 0;
}
