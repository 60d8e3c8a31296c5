/* pwrite at a negative offset fails with EINVAL. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("pwrite-einval");
    int fd = CHECK_OK(open(path, O_RDWR | O_CREAT | O_TRUNC, 0644));
    CHECK_ERR(syscall(SYS_pwrite64, fd, "x", 1, -1L), EINVAL);
    close(fd);
    return 0;
}
