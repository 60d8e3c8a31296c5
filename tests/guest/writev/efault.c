/* writev with an unmapped iovec array, or an iovec pointing at unmapped memory, fails
 * with EFAULT. */
#include "guest.h"
#include <sys/uio.h>

int main(void)
{
    const char *path = tmp_path("writev-efault");
    int fd = CHECK_OK(open(path, O_RDWR | O_CREAT | O_TRUNC, 0644));
    CHECK_ERR(syscall(SYS_writev, fd, BAD_PTR, 2), EFAULT);
    struct iovec iov = {BAD_PTR, 10};
    CHECK_ERR(syscall(SYS_writev, fd, &iov, 1), EFAULT);
    close(fd);
    return 0;
}
