/* splice's errors: no pipe on either side EINVAL, an offset for a pipe ESPIPE,
 * unknown flags EINVAL, a read end as output (or a write end as input) EBADF, an
 * O_APPEND file as output EINVAL, a pipe without readers EPIPE; zero bytes is 0. */
#include "guest.h"
#include <signal.h>

int main(void)
{
    const char *f = tmp_path("splice-errors");
    make_file(f, "abc", 3);
    int fd = CHECK_OK(open(f, O_RDWR));
    int ap = CHECK_OK(open(f, O_WRONLY | O_APPEND));
    int p[2];
    CHECK_OK(pipe(p));
    loff_t off = 0;
    CHECK_ERR(splice(fd, NULL, fd, NULL, 1, 0), EINVAL);
    CHECK_ERR(splice(p[0], &off, fd, NULL, 1, 0), ESPIPE);
    CHECK_ERR(splice(fd, NULL, p[1], &off, 1, 0), ESPIPE);
    CHECK_ERR(splice(fd, NULL, p[1], NULL, 1, 0x10), EINVAL);
    CHECK_ERR(splice(fd, NULL, p[0], NULL, 1, 0), EBADF);
    CHECK_ERR(splice(p[1], NULL, fd, NULL, 1, 0), EBADF);
    CHECK(write(p[1], "x", 1) == 1);
    CHECK_ERR(splice(p[0], NULL, ap, NULL, 1, 0), EINVAL);
    CHECK(splice(fd, NULL, p[1], NULL, 0, 0) == 0);
    signal(SIGPIPE, SIG_IGN);
    close(p[0]);
    CHECK_ERR(splice(fd, NULL, p[1], NULL, 1, 0), EPIPE);
    close(fd);
    close(ap);
    close(p[1]);
    return 0;
}
