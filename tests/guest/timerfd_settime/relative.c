/* A relative one-shot timerfd: not readable before its time (EAGAIN with
 * TFD_NONBLOCK), then read returns the expiry count 1, and the timer is
 * spent: gettime shows it disarmed-looking (0 left, no interval). */
#include "guest.h"
#include <poll.h>
#include <stdint.h>
#include <sys/timerfd.h>

int main(void)
{
    struct itimerspec it = { { 0, 0 }, { 0, 300 * 1000 * 1000 } }, cur;
    int fd = CHECK_OK(timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK));
    struct pollfd pfd = { .fd = fd, .events = POLLIN };
    uint64_t n;

    CHECK_OK(timerfd_settime(fd, 0, &it, NULL));
    CHECK_ERR(read(fd, &n, sizeof n), EAGAIN);
    CHECK_OK(timerfd_gettime(fd, &cur));
    CHECK(cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec > 0 &&
          cur.it_value.tv_nsec <= 300 * 1000 * 1000);
    CHECK(CHECK_OK(poll(&pfd, 1, -1)) == 1);
    CHECK(pfd.revents == POLLIN);
    CHECK(CHECK_OK(read(fd, &n, sizeof n)) == 8);
    CHECK(n == 1);
    CHECK_ERR(read(fd, &n, sizeof n), EAGAIN);
    CHECK_OK(timerfd_gettime(fd, &cur));
    CHECK(cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0);
    CHECK(cur.it_interval.tv_sec == 0 && cur.it_interval.tv_nsec == 0);
    return 0;
}
