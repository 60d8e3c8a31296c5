/* An O_PATH descriptor names a file without opening it for I/O: read, write,
 * getdents, fchmod and ioctl are EBADF; fstat, fchdir, *at() relative to it and
 * dup work. */
#include "guest.h"
#include <sys/ioctl.h>

int main(void)
{
    const char *d = tmp_path("opath");
    CHECK_OK(mkdir(d, 0755));
    const char *f = tmp_path_in(d, "f");
    make_file(f, "data", 4);
    int pf = CHECK_OK(open(f, O_PATH));
    int pd = CHECK_OK(open(d, O_PATH | O_DIRECTORY));
    char buf[8];
    CHECK_ERR(read(pf, buf, 4), EBADF);
    CHECK_ERR(write(pf, "x", 1), EBADF);
    CHECK_ERR(syscall(SYS_getdents64, pd, buf, sizeof buf), EBADF);
    CHECK_ERR(syscall(SYS_fchmod, pf, 0600), EBADF);
    CHECK_ERR(ioctl(pf, FIONREAD, buf), EBADF);
    struct stat st;
    CHECK_OK(fstat(pf, &st));
    CHECK(st.st_size == 4);
    int fd = CHECK_OK(openat(pd, "f", O_RDONLY));
    CHECK(read(fd, buf, 4) == 4);
    close(fd);
    int dup_fd = CHECK_OK(dup(pf));
    close(dup_fd);
    int cwd = CHECK_OK(open(".", O_PATH | O_DIRECTORY));
    CHECK_OK(fchdir(pd));
    CHECK_OK(access("f", R_OK));
    CHECK_OK(fchdir(cwd));
    close(cwd);
    close(pf);
    close(pd);
    return 0;
}
