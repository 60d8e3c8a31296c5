/* With O_NONBLOCK (set by fcntl), reading an empty pipe and writing a full one fail with
 * EAGAIN; a pipe holds 65536 bytes.  Draining one byte does not make room for a 4096-byte
 * write (writes up to PIPE_BUF are atomic) ... that part is Linux-page-dependent: skipped. */
#include "guest.h"

int main(void)
{
    int p[2];
    char buf[4096];
    long total = 0, n;
    CHECK_OK(pipe(p));
    CHECK_OK(fcntl(p[0], F_SETFL, O_NONBLOCK));
    CHECK_OK(fcntl(p[1], F_SETFL, O_NONBLOCK));
    CHECK_ERR(read(p[0], buf, sizeof buf), EAGAIN);
    memset(buf, 'z', sizeof buf);
    while ((n = write(p[1], buf, sizeof buf)) > 0)
        total += n;
    CHECK(n == -1 && errno == EAGAIN);
    CHECK(total == 65536);
    CHECK_ERR(write(p[1], "x", 1), EAGAIN);
    CHECK(CHECK_OK(read(p[0], buf, sizeof buf)) == sizeof buf);
    CHECK(buf[0] == 'z' && buf[4095] == 'z');
    CHECK(CHECK_OK(write(p[1], buf, sizeof buf)) == sizeof buf);
    close(p[0]);
    close(p[1]);
    return 0;
}
