/* fsetxattr, fgetxattr and flistxattr work on a descriptor (one open read-only
 * too); an O_PATH or closed descriptor is EBADF. */
#include "guest.h"
#include <sys/xattr.h>

int main(void)
{
    const char *f = shm_path("fsetxattr");
    make_file(f, "", 0);
    int fd = CHECK_OK(open(f, O_RDONLY));
    CHECK_OK(fsetxattr(fd, "user.k", "v", 1, 0));
    char buf[16];
    CHECK(fgetxattr(fd, "user.k", buf, sizeof buf) == 1 && buf[0] == 'v');
    CHECK(flistxattr(fd, buf, sizeof buf) == 7 && strcmp(buf, "user.k") == 0);
    int pfd = CHECK_OK(open(f, O_PATH));
    CHECK_ERR(syscall(SYS_fsetxattr, pfd, "user.k", "w", 1, 0), EBADF);
    CHECK_ERR(syscall(SYS_fgetxattr, pfd, "user.k", buf, sizeof buf), EBADF);
    CHECK_ERR(syscall(SYS_fgetxattr, closed_fd(), "user.k", buf, sizeof buf), EBADF);
    close(fd);
    close(pfd);
    return 0;
}
