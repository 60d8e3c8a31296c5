/* fstat of a regular file reports its type, size and link count, and the same inode
 * as stat of its path. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("fstat");
    make_file(path, "12345", 5);
    int fd = CHECK_OK(open(path, O_RDONLY));
    struct stat a, b;
    CHECK_OK(fstat(fd, &a));
    CHECK(S_ISREG(a.st_mode));
    CHECK(a.st_size == 5);
    CHECK(a.st_nlink == 1);
    CHECK(a.st_blksize > 0);
    CHECK_OK(stat(path, &b));
    CHECK(a.st_ino == b.st_ino && a.st_dev == b.st_dev);
    close(fd);
    return 0;
}
