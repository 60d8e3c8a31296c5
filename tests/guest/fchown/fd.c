/* fchown changes an open file's owner; O_PATH and closed descriptors are EBADF. */
#include "guest.h"

int main(void)
{
    const char *f = tmp_path("fchown");
    make_file(f, "", 0);
    int fd = CHECK_OK(open(f, O_RDONLY));
    CHECK_OK(fchown(fd, 321, 654));
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK(st.st_uid == 321 && st.st_gid == 654);
    int pfd = CHECK_OK(open(f, O_PATH));
    CHECK_ERR(syscall(SYS_fchown, pfd, 0, 0), EBADF);   /* raw: musl retries by /proc */
    CHECK_ERR(syscall(SYS_fchown, closed_fd(), 0, 0), EBADF);
    close(fd);
    close(pfd);
    return 0;
}
