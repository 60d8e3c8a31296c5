/* fchmod changes the mode of an open file, even one opened read-only; an O_PATH
 * descriptor is EBADF, a closed one EBADF. */
#include "guest.h"

int main(void)
{
    const char *f = tmp_path("fchmod");
    make_file(f, "", 0);
    int fd = CHECK_OK(open(f, O_RDONLY));
    CHECK_OK(fchmod(fd, 0604));
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK((st.st_mode & 07777) == 0604);
    int pfd = CHECK_OK(open(f, O_PATH));
    CHECK_ERR(syscall(SYS_fchmod, pfd, 0644), EBADF);   /* raw: musl retries by /proc */
    CHECK_ERR(syscall(SYS_fchmod, closed_fd(), 0644), EBADF);
    close(fd);
    close(pfd);
    return 0;
}
