/* write on a closed descriptor and on a read-only descriptor fails with EBADF. */
#include "guest.h"

int main(void)
{
    CHECK_ERR(write(closed_fd(), "x", 1), EBADF);
    CHECK_ERR(write(-1, "x", 1), EBADF);
    const char *path = tmp_path("write-rdonly");
    make_file(path, "data", 4);
    int fd = CHECK_OK(open(path, O_RDONLY));
    CHECK_ERR(write(fd, "x", 1), EBADF);
    close(fd);
    return 0;
}
