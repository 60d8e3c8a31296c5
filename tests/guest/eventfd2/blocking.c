/* A read of an empty eventfd (no EFD_NONBLOCK) waits for a write from
 * another process; EFD_NONBLOCK makes it EAGAIN instead. */
#include "guest.h"
#include <stdint.h>
#include <sys/eventfd.h>
#include <time.h>

int main(void)
{
    struct timespec ts = { 0, 30 * 1000 * 1000 };
    int fd = CHECK_OK(eventfd(0, 0)), nb = CHECK_OK(eventfd(0, EFD_NONBLOCK)), st;
    uint64_t v = 9;
    pid_t c;

    CHECK_ERR(read(nb, &v, sizeof v), EAGAIN);
    CHECK(CHECK_OK(fcntl(nb, F_GETFL)) == (O_RDWR | O_NONBLOCK));
    c = CHECK_OK(fork());
    if (c == 0) {
        nanosleep(&ts, NULL);
        _exit(write(fd, &v, sizeof v) == 8 ? 0 : 1);
    }
    v = 0;
    CHECK(CHECK_OK(read(fd, &v, sizeof v)) == 8);
    CHECK(v == 9);
    CHECK(waitpid(c, &st, 0) == c && st == 0);
    return 0;
}
