/* removexattr removes an attribute (ENODATA after, and for one never set) and
 * moves the ctime; lremovexattr and fremovexattr do the same by link and by
 * descriptor. */
#include "guest.h"
#include <sys/xattr.h>

int main(void)
{
    const char *f = shm_path("removexattr");
    make_file(f, "", 0);
    CHECK_OK(setxattr(f, "user.a", "1", 1, 0));
    CHECK_OK(setxattr(f, "user.b", "2", 1, 0));
    CHECK_OK(setxattr(f, "user.c", "3", 1, 0));
    struct timespec ts[2] = { { 1000, 0 }, { 1000, 0 } };
    CHECK_OK(utimensat(AT_FDCWD, f, ts, 0));
    CHECK_OK(removexattr(f, "user.a"));
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK(st.st_ctime > 1000);
    CHECK_ERR(getxattr(f, "user.a", NULL, 0), ENODATA);
    CHECK_ERR(removexattr(f, "user.a"), ENODATA);
    CHECK_OK(lremovexattr(f, "user.b"));
    int fd = CHECK_OK(open(f, O_RDONLY));
    CHECK_OK(fremovexattr(fd, "user.c"));
    CHECK(listxattr(f, NULL, 0) == 0);
    close(fd);
    return 0;
}
