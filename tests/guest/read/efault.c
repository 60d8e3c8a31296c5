/* read into an unmapped buffer fails with EFAULT (the file has data to copy). */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("read-efault");
    make_file(path, "some data", 9);
    int fd = CHECK_OK(open(path, O_RDONLY));
    CHECK_ERR(syscall(SYS_read, fd, BAD_PTR, 9), EFAULT);
    close(fd);
    return 0;
}
