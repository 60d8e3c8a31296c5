/* pread into an unmapped buffer fails with EFAULT. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("pread-efault");
    make_file(path, "abcdef", 6);
    int fd = CHECK_OK(open(path, O_RDONLY));
    CHECK_ERR(syscall(SYS_pread64, fd, BAD_PTR, 6, 0L), EFAULT);
    close(fd);
    return 0;
}
