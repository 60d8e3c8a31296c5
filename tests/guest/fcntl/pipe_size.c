/* F_GETPIPE_SZ and F_SETPIPE_SZ: a pipe starts at 64 KiB; a new size is rounded up
 * to a power of two of pages (at least one); shrinking below what the pipe holds
 * is EBUSY; a non-pipe is EBADF; a write fills exactly the capacity. */
#include "guest.h"

#ifndef F_SETPIPE_SZ
#define F_SETPIPE_SZ 1031
#define F_GETPIPE_SZ 1032
#endif

int main(void)
{
    int p[2];
    CHECK_OK(pipe2(p, O_NONBLOCK));
    CHECK(fcntl(p[0], F_GETPIPE_SZ) == 65536);
    CHECK(fcntl(p[1], F_SETPIPE_SZ, 5000) == 8192);
    CHECK(fcntl(p[0], F_GETPIPE_SZ) == 8192);
    CHECK(fcntl(p[1], F_SETPIPE_SZ, 0) == 4096);
    CHECK(fcntl(p[1], F_SETPIPE_SZ, 12288) == 16384);
    static char buf[20000];
    CHECK(write(p[1], buf, sizeof buf) == 16384);
    CHECK_ERR(write(p[1], buf, 1), EAGAIN);
    CHECK_ERR(fcntl(p[1], F_SETPIPE_SZ, 4096), EBUSY);
    CHECK(read(p[0], buf, 16384 - 4096) == 16384 - 4096);
    CHECK(fcntl(p[1], F_SETPIPE_SZ, 4096) == 4096);
    CHECK(read(p[0], buf, sizeof buf) == 4096);
    const char *f = tmp_path("pipe-size");
    make_file(f, "", 0);
    int fd = CHECK_OK(open(f, O_RDONLY));
    CHECK_ERR(fcntl(fd, F_GETPIPE_SZ), EBADF);
    CHECK_ERR(fcntl(fd, F_SETPIPE_SZ, 4096), EBADF);
    close(fd);
    close(p[0]);
    close(p[1]);
    return 0;
}
