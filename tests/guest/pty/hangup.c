/* Hang-up: after the master closes, the slave reads end of file (what was
 * queued is gone), writes fail with EIO and poll reports POLLHUP; after
 * the last slave closes, the master reads what is queued, then EIO, and
 * polls POLLHUP.  Before any slave opened, a master read just waits. */
#include "guest.h"

int main(void)
{
    int m, s;
    char b[16];
    open_pty(&m, &s);
    CHECK(write(m, "abc\n", 4) == 4);
    close(m);
    struct pollfd p = { .fd = s, .events = POLLIN | POLLOUT };
    CHECK(poll(&p, 1, 1000) == 1 && (p.revents & POLLHUP));
    CHECK(read(s, b, sizeof b) == 0);
    CHECK_ERR(write(s, "x", 1), EIO);
    close(s);

    open_pty(&m, &s);
    CHECK(write(s, "xy\n", 3) == 3);
    close(s);
    p.fd = m;
    CHECK(poll(&p, 1, 1000) == 1 && (p.revents & POLLHUP));
    EXPECT_READ(m, "xy\r\n");
    CHECK_ERR(read(m, b, sizeof b), EIO);
    close(m);

    m = CHECK_OK(posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK));
    p.fd = m;
    p.events = POLLIN;
    CHECK(poll(&p, 1, 0) == 0);
    CHECK_ERR(read(m, b, sizeof b), EAGAIN);
    close(m);
    return 0;
}
