/* The raw ppoll(2) writes the time left back to its timeout, as Linux
 * does (glibc hides it): zero after a timeout, less than asked when an fd
 * was ready sooner, untouched for a zero timeout. */
#include "guest.h"
#include <poll.h>
#include <time.h>

int main(void)
{
    struct timespec ts = { 0, 20 * 1000 * 1000 };
    struct pollfd pfd;
    int p[2];

    CHECK_OK(pipe(p));
    pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
    CHECK(CHECK_OK(syscall(SYS_ppoll, &pfd, 1, &ts, NULL, 8)) == 0);
    CHECK(ts.tv_sec == 0 && ts.tv_nsec == 0);
    CHECK(CHECK_OK(write(p[1], "x", 1)) == 1);
    ts = (struct timespec){ 5, 0 };
    CHECK(CHECK_OK(syscall(SYS_ppoll, &pfd, 1, &ts, NULL, 8)) == 1);
    CHECK(ts.tv_sec >= 4 && ts.tv_sec <= 5);
    CHECK(ts.tv_sec < 5 || ts.tv_nsec == 0 || ts.tv_nsec > 0);
    CHECK(!(ts.tv_sec == 5 && ts.tv_nsec != 0));
    return 0;
}
