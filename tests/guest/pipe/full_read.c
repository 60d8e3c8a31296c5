/* A pipe holds 64 KiB by default: one write fills it whole, and one read of more takes all of
 * it, in order (Linux's pipe_read returns every buffered byte it has room for). */
#include "guest.h"

#ifndef F_GETPIPE_SZ
#define F_GETPIPE_SZ 1032
#endif

#define CAP 65536

static unsigned char out[CAP], in[2 * CAP];

int main(void)
{
    int p[2];
    size_t i;

    for (i = 0; i < CAP; i++)
        out[i] = (unsigned char)(i * 7 + i / 251);
    CHECK_OK(pipe(p));
    CHECK(CHECK_OK(fcntl(p[0], F_GETPIPE_SZ)) == CAP);
    CHECK(CHECK_OK(write(p[1], out, CAP)) == CAP);
    CHECK(CHECK_OK(read(p[0], in, sizeof in)) == CAP);
    CHECK(memcmp(in, out, CAP) == 0);
    /* Empty again: a non-blocking read says so. */
    CHECK_OK(fcntl(p[0], F_SETFL, O_NONBLOCK));
    CHECK_ERR(read(p[0], in, 1), EAGAIN);
    close(p[0]);
    close(p[1]);
    return 0;
}
