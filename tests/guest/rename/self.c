/* rename of a name onto itself, or onto another hard link of the same inode, does
 * nothing at all: both names stay and no time changes. */
#include "guest.h"

int main(void)
{
    const char *a = tmp_path("rename-self-a"), *b = tmp_path("rename-self-b");
    make_file(a, "x", 1);
    CHECK_OK(link(a, b));
    struct timespec ts[2] = { { 1000, 0 }, { 1000, 0 } };
    CHECK_OK(utimensat(AT_FDCWD, a, ts, 0));
    struct stat before, st;
    CHECK_OK(stat(a, &before));
    CHECK_OK(rename(a, a));
    CHECK_OK(rename(a, b));
    CHECK_OK(stat(a, &st));
    CHECK(st.st_nlink == 2);
    CHECK(st.st_ctim.tv_sec == before.st_ctim.tv_sec && st.st_ctim.tv_nsec == before.st_ctim.tv_nsec);
    CHECK_OK(stat(b, &st));
    CHECK(st.st_ino == before.st_ino);
    const char *d = tmp_path("rename-self-d");
    CHECK_OK(mkdir(d, 0755));
    CHECK_OK(rename(d, d));
    CHECK_OK(stat(d, &st));
    return 0;
}
