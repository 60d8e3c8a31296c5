/* linkat links a symlink itself by default and its target with AT_SYMLINK_FOLLOW;
 * unknown flags are EINVAL, an empty path without AT_EMPTY_PATH ENOENT. */
#include "guest.h"

int main(void)
{
    const char *f = tmp_path("linkat-f"), *l = tmp_path("linkat-l");
    const char *n1 = tmp_path("linkat-n1"), *n2 = tmp_path("linkat-n2");
    make_file(f, "x", 1);
    CHECK_OK(symlink(f, l));
    CHECK_OK(linkat(AT_FDCWD, l, AT_FDCWD, n1, 0));
    CHECK_OK(linkat(AT_FDCWD, l, AT_FDCWD, n2, AT_SYMLINK_FOLLOW));
    struct stat sl, s1, s2, sf;
    CHECK_OK(lstat(l, &sl));
    CHECK_OK(lstat(n1, &s1));
    CHECK_OK(lstat(n2, &s2));
    CHECK_OK(stat(f, &sf));
    CHECK(S_ISLNK(s1.st_mode) && s1.st_ino == sl.st_ino && sl.st_nlink == 2);
    CHECK(S_ISREG(s2.st_mode) && s2.st_ino == sf.st_ino && sf.st_nlink == 2);
    CHECK_ERR(linkat(AT_FDCWD, f, AT_FDCWD, "/tmp/trellis-x", 0x1), EINVAL);
    int fd = CHECK_OK(open(f, O_RDONLY));
    CHECK_ERR(linkat(fd, "", AT_FDCWD, "/tmp/trellis-x", 0), ENOENT);
    close(fd);
    return 0;
}
