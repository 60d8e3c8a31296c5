/* /bin/sh is a symbolic link both natively and in Trellis's root: AT_SYMLINK_NOFOLLOW
 * describes the link (its size is the target's length), otherwise the target. */
#include "guest.h"

int main(void)
{
    struct stat l, t;
    CHECK_OK(syscall(SYS_newfstatat, AT_FDCWD, "/bin/sh", &l, AT_SYMLINK_NOFOLLOW));
    CHECK(S_ISLNK(l.st_mode));
    char buf[256];
    long n = CHECK_OK(readlink("/bin/sh", buf, sizeof buf));
    CHECK(l.st_size == n);
    CHECK_OK(syscall(SYS_newfstatat, AT_FDCWD, "/bin/sh", &t, 0));
    CHECK(S_ISREG(t.st_mode));
    CHECK(t.st_ino != l.st_ino);
    return 0;
}
