/* fstat into an unmapped buffer fails with EFAULT. */
#include "guest.h"

int main(void)
{
    int fd = CHECK_OK(open("/", O_RDONLY | O_DIRECTORY));
    CHECK_ERR(syscall(SYS_fstat, fd, BAD_PTR), EFAULT);
    close(fd);
    return 0;
}
