/* setxattr and getxattr on tmpfs: a user.* attribute on a file and a directory
 * holds any bytes (empty too), getxattr with size 0 gives the length, a
 * replacement changes it, and setting moves the ctime. */
#include "guest.h"
#include <sys/xattr.h>

int main(void)
{
    const char *f = shm_path("setxattr-user"), *d = shm_path("setxattr-user-d");
    make_file(f, "", 0);
    CHECK_OK(mkdir(d, 0755));
    struct timespec ts[2] = { { 1000, 0 }, { 1000, 0 } };
    CHECK_OK(utimensat(AT_FDCWD, f, ts, 0));
    CHECK_OK(setxattr(f, "user.colour", "blue\0green", 10, 0));
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK(st.st_ctime > 1000 && st.st_mtime == 1000);
    char buf[32];
    CHECK(getxattr(f, "user.colour", NULL, 0) == 10);
    CHECK(getxattr(f, "user.colour", buf, sizeof buf) == 10 && memcmp(buf, "blue\0green", 10) == 0);
    CHECK_OK(setxattr(f, "user.colour", "red", 3, 0));
    CHECK(getxattr(f, "user.colour", buf, sizeof buf) == 3 && memcmp(buf, "red", 3) == 0);
    CHECK_OK(setxattr(f, "user.empty", "", 0, 0));
    CHECK(getxattr(f, "user.empty", buf, sizeof buf) == 0);
    CHECK_OK(setxattr(d, "user.dir", "x", 1, 0));
    CHECK(getxattr(d, "user.dir", buf, sizeof buf) == 1);
    return 0;
}
