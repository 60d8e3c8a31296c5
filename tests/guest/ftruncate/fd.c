/* ftruncate needs a regular file open for writing: read-only, a directory and a
 * pipe are EINVAL, O_PATH and closed descriptors EBADF, a negative length EINVAL. */
#include "guest.h"

int main(void)
{
    const char *f = tmp_path("ftruncate");
    make_file(f, "abcdef", 6);
    int fd = CHECK_OK(open(f, O_RDWR));
    CHECK_OK(ftruncate(fd, 2));
    struct stat st;
    CHECK_OK(fstat(fd, &st));
    CHECK(st.st_size == 2);
    int ro = CHECK_OK(open(f, O_RDONLY));
    CHECK_ERR(ftruncate(ro, 0), EINVAL);
    int dfd = CHECK_OK(open("/tmp", O_RDONLY | O_DIRECTORY));
    CHECK_ERR(ftruncate(dfd, 0), EINVAL);
    int p[2];
    CHECK_OK(pipe(p));
    CHECK_ERR(ftruncate(p[1], 0), EINVAL);
    int pfd = CHECK_OK(open(f, O_PATH));
    CHECK_ERR(ftruncate(pfd, 0), EBADF);
    CHECK_ERR(ftruncate(closed_fd(), 0), EBADF);
    CHECK_ERR(ftruncate(fd, -5), EINVAL);
    close(fd);
    close(ro);
    close(dfd);
    close(pfd);
    close(p[0]);
    close(p[1]);
    return 0;
}
