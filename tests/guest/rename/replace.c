/* rename over an existing file replaces it atomically: the target's inode loses its
 * name (nlink 0) but an open descriptor still reads it. */
#include "guest.h"

int main(void)
{
    const char *a = tmp_path("rename-replace-a"), *b = tmp_path("rename-replace-b");
    make_file(a, "new", 3);
    make_file(b, "old!", 4);
    int fd = CHECK_OK(open(b, O_RDONLY));
    struct stat sa, sb;
    CHECK_OK(stat(a, &sa));
    CHECK_OK(rename(a, b));
    CHECK_ERR(stat(a, &sb), ENOENT);
    CHECK_OK(stat(b, &sb));
    CHECK(sb.st_ino == sa.st_ino && sb.st_size == 3);
    CHECK_OK(fstat(fd, &sb));
    CHECK(sb.st_nlink == 0 && sb.st_size == 4);
    char buf[8] = { 0 };
    CHECK(read(fd, buf, sizeof buf) == 4 && memcmp(buf, "old!", 4) == 0);
    close(fd);
    return 0;
}
