/* A pipe that F_SETPIPE_SZ made larger than 64 KiB is drained by one read, as Linux's pipe_read
 * takes every buffered byte it has room for; and one write of its whole size fills it. */
#include "guest.h"

#ifndef F_SETPIPE_SZ
#define F_SETPIPE_SZ 1031
#endif

#define CAP (1 << 20)
#define HELD (256 * 1024 + 100)

static unsigned char out[CAP], in[CAP + 1];

int main(void)
{
    int p[2];
    size_t i;

    for (i = 0; i < CAP; i++)
        out[i] = (unsigned char)(i * 13 + i / 509);
    CHECK_OK(pipe(p));
    CHECK(CHECK_OK(fcntl(p[1], F_SETPIPE_SZ, CAP)) == CAP);
    /* Part of it, then all of it. */
    CHECK(CHECK_OK(write(p[1], out, HELD)) == HELD);
    CHECK(CHECK_OK(read(p[0], in, sizeof in)) == HELD);
    CHECK(memcmp(in, out, HELD) == 0);
    CHECK_OK(fcntl(p[1], F_SETFL, O_NONBLOCK));
    CHECK(CHECK_OK(write(p[1], out, CAP)) == CAP);
    CHECK_ERR(write(p[1], out, 1), EAGAIN);
    CHECK(CHECK_OK(read(p[0], in, sizeof in)) == CAP);
    CHECK(memcmp(in, out, CAP) == 0);
    close(p[0]);
    close(p[1]);
    return 0;
}
