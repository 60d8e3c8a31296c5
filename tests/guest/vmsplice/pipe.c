/* vmsplice copies user memory into a pipe's write end and out of its read end; a
 * descriptor that is not a pipe is EBADF, unknown flags EINVAL, an empty pipe with
 * SPLICE_F_NONBLOCK EAGAIN. */
#include "guest.h"
#include <sys/uio.h>

int main(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    char x[] = "one", y[] = "two";
    struct iovec in[2] = { { x, 3 }, { y, 3 } };
    CHECK(vmsplice(p[1], in, 2, 0) == 6);
    char a[2], b[8] = { 0 };
    struct iovec out[2] = { { a, 2 }, { b, 8 } };
    CHECK(vmsplice(p[0], out, 2, 0) == 6);
    CHECK(memcmp(a, "on", 2) == 0 && memcmp(b, "etwo", 4) == 0);
    CHECK_ERR(vmsplice(p[0], out, 2, SPLICE_F_NONBLOCK), EAGAIN);
    CHECK_ERR(vmsplice(p[1], in, 2, 0x40), EINVAL);
    const char *f = tmp_path("vmsplice");
    make_file(f, "", 0);
    int fd = CHECK_OK(open(f, O_RDWR));
    CHECK_ERR(vmsplice(fd, in, 2, 0), EBADF);
    CHECK_ERR(vmsplice(closed_fd(), in, 2, 0), EBADF);
    close(fd);
    close(p[0]);
    close(p[1]);
    return 0;
}
