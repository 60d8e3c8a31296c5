/* sendfile's errors: an input not open for reading or an output not open for
 * writing EBADF, an offset on a pipe ESPIPE, a pipe or directory as input EINVAL,
 * an O_APPEND output EINVAL, a negative offset EINVAL, an unmapped offset EFAULT. */
#include "guest.h"
#include <sys/sendfile.h>

int main(void)
{
    const char *f = tmp_path("sendfile-errors"), *g = tmp_path("sendfile-errors-out");
    make_file(f, "abc", 3);
    make_file(g, "", 0);
    int in = CHECK_OK(open(f, O_RDONLY));
    int out = CHECK_OK(open(g, O_WRONLY));
    int app = CHECK_OK(open(g, O_WRONLY | O_APPEND));
    int dfd = CHECK_OK(open("/tmp", O_RDONLY | O_DIRECTORY));
    int p[2];
    CHECK_OK(pipe(p));
    off_t off = 0;
    CHECK_ERR(sendfile(out, out, NULL, 1), EBADF);
    CHECK_ERR(sendfile(in, in, NULL, 1), EBADF);
    CHECK_ERR(sendfile(out, p[0], &off, 1), ESPIPE);
    CHECK_ERR(sendfile(out, p[0], NULL, 1), EINVAL);
    CHECK_ERR(sendfile(out, dfd, NULL, 1), EINVAL);
    CHECK_ERR(sendfile(app, in, NULL, 1), EINVAL);
    off = -1;
    CHECK_ERR(sendfile(out, in, &off, 1), EINVAL);
    CHECK_ERR(syscall(SYS_sendfile, out, in, BAD_PTR, 1), EFAULT);
    CHECK_ERR(sendfile(closed_fd(), in, NULL, 1), EBADF);
    close(in);
    close(out);
    close(app);
    close(dfd);
    close(p[0]);
    close(p[1]);
    return 0;
}
