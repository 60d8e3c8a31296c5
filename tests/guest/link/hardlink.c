/* link gives an inode a second name: both share the inode and data, st_nlink counts
 * them, the inode's ctime and the directory's mtime move, and the data outlives
 * the first name. */
#include "guest.h"

int main(void)
{
    const char *a = tmp_path("link-a"), *b = tmp_path("link-b");
    make_file(a, "shared", 6);
    struct timespec ts[2] = { { 1000, 0 }, { 1000, 0 } };
    CHECK_OK(utimensat(AT_FDCWD, a, ts, 0));
    CHECK_OK(utimensat(AT_FDCWD, "/tmp", NULL, 0));
    CHECK_OK(link(a, b));
    struct stat sa, sb;
    CHECK_OK(stat(a, &sa));
    CHECK_OK(stat(b, &sb));
    CHECK(sa.st_ino == sb.st_ino && sa.st_nlink == 2);
    CHECK(sa.st_ctime > 1000 && sa.st_mtime == 1000);
    CHECK_OK(unlink(a));
    CHECK_OK(stat(b, &sb));
    CHECK(sb.st_nlink == 1 && sb.st_size == 6);
    return 0;
}
