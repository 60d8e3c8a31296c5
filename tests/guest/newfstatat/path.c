/* newfstatat of an absolute path, and of a relative one against a dirfd, reports the
 * same file. */
#include "guest.h"

int main(void)
{
    const char *dir = tmp_path("newfstatat");
    CHECK_OK(mkdir(dir, 0755));
    const char *file = tmp_path_in(dir, "f");
    make_file(file, "abc", 3);
    struct stat a, b;
    CHECK_OK(syscall(SYS_newfstatat, AT_FDCWD, file, &a, 0));
    CHECK(S_ISREG(a.st_mode) && a.st_size == 3);
    int dfd = CHECK_OK(open(dir, O_RDONLY | O_DIRECTORY));
    CHECK_OK(syscall(SYS_newfstatat, dfd, "f", &b, 0));
    CHECK(a.st_ino == b.st_ino);
    CHECK_OK(syscall(SYS_newfstatat, dfd, ".", &b, 0));
    CHECK(S_ISDIR(b.st_mode));
    close(dfd);
    return 0;
}
