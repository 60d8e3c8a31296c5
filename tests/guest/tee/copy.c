/* tee copies data from one pipe to another without consuming it; two ends of one
 * pipe, or a file, are EINVAL; an empty pipe with SPLICE_F_NONBLOCK is EAGAIN. */
#include "guest.h"

int main(void)
{
    int a[2], b[2];
    CHECK_OK(pipe(a));
    CHECK_OK(pipe(b));
    CHECK_ERR(tee(a[0], b[1], 10, SPLICE_F_NONBLOCK), EAGAIN);
    CHECK(write(a[1], "abcdef", 6) == 6);
    CHECK(tee(a[0], b[1], 4, 0) == 4);
    char buf[8] = { 0 };
    CHECK(read(b[0], buf, sizeof buf) == 4 && memcmp(buf, "abcd", 4) == 0);
    CHECK(read(a[0], buf, sizeof buf) == 6 && memcmp(buf, "abcdef", 6) == 0);
    CHECK_ERR(tee(a[0], a[1], 1, 0), EINVAL);
    const char *f = tmp_path("tee");
    make_file(f, "x", 1);
    int fd = CHECK_OK(open(f, O_RDWR));
    CHECK_ERR(tee(fd, b[1], 1, 0), EINVAL);
    CHECK_ERR(tee(a[1], b[1], 1, 0), EBADF);
    CHECK_ERR(tee(a[0], b[1], 1, 0x40), EINVAL);
    CHECK(tee(a[0], b[1], 0, 0) == 0);
    close(fd);
    close(a[0]);
    close(a[1]);
    close(b[0]);
    close(b[1]);
    return 0;
}
