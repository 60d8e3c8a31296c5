/* pwrite on a closed descriptor or a read-only one fails with EBADF. */
#include "guest.h"

int main(void)
{
    CHECK_ERR(pwrite(closed_fd(), "x", 1, 0), EBADF);
    const char *path = tmp_path("pwrite-ebadf");
    make_file(path, "abc", 3);
    int fd = CHECK_OK(open(path, O_RDONLY));
    CHECK_ERR(pwrite(fd, "x", 1, 0), EBADF);
    close(fd);
    return 0;
}
