/* fsync and fdatasync succeed on regular files and directories, are EINVAL on a
 * pipe and a character device, EBADF on O_PATH and closed descriptors; sync and
 * syncfs succeed. */
#include "guest.h"

int main(void)
{
    const char *f = tmp_path("fsync");
    make_file(f, "x", 1);
    int fd = CHECK_OK(open(f, O_RDONLY));
    CHECK_OK(fsync(fd));
    CHECK_OK(fdatasync(fd));
    int dfd = CHECK_OK(open("/tmp", O_RDONLY | O_DIRECTORY));
    CHECK_OK(fsync(dfd));
    int p[2];
    CHECK_OK(pipe(p));
    CHECK_ERR(fsync(p[0]), EINVAL);
    CHECK_ERR(fdatasync(p[1]), EINVAL);
    int nfd = CHECK_OK(open("/dev/null", O_WRONLY));
    CHECK_ERR(fsync(nfd), EINVAL);
    int pfd = CHECK_OK(open(f, O_PATH));
    CHECK_ERR(fsync(pfd), EBADF);
    CHECK_ERR(fsync(closed_fd()), EBADF);
    sync();
    CHECK_OK(syncfs(fd));
    CHECK_OK(syncfs(p[0]));
    CHECK_ERR(syncfs(closed_fd()), EBADF);
    close(fd);
    close(dfd);
    close(nfd);
    close(pfd);
    close(p[0]);
    close(p[1]);
    return 0;
}
