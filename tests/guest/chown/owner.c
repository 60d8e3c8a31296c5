/* chown by root sets the owner and group (-1 keeps one), follows a symlink, and
 * moves only the ctime; lchown changes the link itself. */
#include "guest.h"

int main(void)
{
    const char *f = tmp_path("chown-f"), *l = tmp_path("chown-l");
    make_file(f, "", 0);
    CHECK_OK(symlink(f, l));
    struct timespec ts[2] = { { 1000, 0 }, { 1000, 0 } };
    CHECK_OK(utimensat(AT_FDCWD, f, ts, 0));
    struct stat st;
    CHECK_OK(chown(f, 1234, 5678));
    CHECK_OK(stat(f, &st));
    CHECK(st.st_uid == 1234 && st.st_gid == 5678);
    CHECK(st.st_mtime == 1000 && st.st_ctime > 1000);
    CHECK_OK(chown(f, -1, 42));
    CHECK_OK(stat(f, &st));
    CHECK(st.st_uid == 1234 && st.st_gid == 42);
    CHECK_OK(chown(l, 7, -1));
    CHECK_OK(stat(f, &st));
    CHECK(st.st_uid == 7);
    CHECK_OK(lchown(l, 8, 9));
    CHECK_OK(lstat(l, &st));
    CHECK(st.st_uid == 8 && st.st_gid == 9);
    CHECK_OK(stat(f, &st));
    CHECK(st.st_uid == 7 && st.st_gid == 42);
    return 0;
}
