/* write from an unmapped buffer fails with EFAULT and leaves the file empty. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("write-efault");
    int fd = CHECK_OK(open(path, O_RDWR | O_CREAT | O_TRUNC, 0644));
    CHECK_ERR(syscall(SYS_write, fd, BAD_PTR, 16), EFAULT);
    struct stat st;
    CHECK_OK(fstat(fd, &st));
    CHECK(st.st_size == 0);
    close(fd);
    return 0;
}
