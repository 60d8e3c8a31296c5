/* pread at a negative offset fails with EINVAL. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("pread-einval");
    make_file(path, "abc", 3);
    int fd = CHECK_OK(open(path, O_RDONLY));
    char buf[4];
    CHECK_ERR(syscall(SYS_pread64, fd, buf, 1, -1L), EINVAL);
    close(fd);
    return 0;
}
