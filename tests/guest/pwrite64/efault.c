/* pwrite from an unmapped buffer fails with EFAULT. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("pwrite-efault");
    int fd = CHECK_OK(open(path, O_RDWR | O_CREAT | O_TRUNC, 0644));
    CHECK_ERR(syscall(SYS_pwrite64, fd, BAD_PTR, 4, 0L), EFAULT);
    close(fd);
    return 0;
}
