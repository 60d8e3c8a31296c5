/* lseek to a negative offset, or with an unknown whence, fails with EINVAL and leaves
 * the offset alone. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("lseek-einval");
    make_file(path, "0123456789", 10);
    int fd = CHECK_OK(open(path, O_RDONLY));
    CHECK(lseek(fd, 3, SEEK_SET) == 3);
    CHECK_ERR(lseek(fd, -1, SEEK_SET), EINVAL);
    CHECK_ERR(lseek(fd, -4, SEEK_CUR), EINVAL);
    CHECK_ERR(lseek(fd, -11, SEEK_END), EINVAL);
    CHECK_ERR(syscall(SYS_lseek, fd, 0L, 99), EINVAL);
    CHECK(lseek(fd, 0, SEEK_CUR) == 3);
    close(fd);
    return 0;
}
