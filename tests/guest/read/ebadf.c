/* read on a closed descriptor, on -1, and on a write-only descriptor fails with EBADF. */
#include "guest.h"

int main(void)
{
    char buf[8];
    CHECK_ERR(read(closed_fd(), buf, sizeof buf), EBADF);
    CHECK_ERR(read(-1, buf, sizeof buf), EBADF);
    const char *path = tmp_path("read-wronly");
    make_file(path, "data", 4);
    int fd = CHECK_OK(open(path, O_WRONLY));
    CHECK_ERR(read(fd, buf, sizeof buf), EBADF);
    close(fd);
    return 0;
}
