/* chmod sets the permission, set-id and sticky bits, keeps the file type, moves
 * only the ctime, and follows a symlink. */
#include "guest.h"

int main(void)
{
    const char *f = tmp_path("chmod-f"), *l = tmp_path("chmod-l");
    make_file(f, "", 0);
    CHECK_OK(symlink(f, l));
    struct timespec ts[2] = { { 1000, 0 }, { 1000, 0 } };
    CHECK_OK(utimensat(AT_FDCWD, f, ts, 0));
    CHECK_OK(chmod(f, 07654));
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK(st.st_mode == (S_IFREG | 07654));
    CHECK(st.st_mtime == 1000 && st.st_atime == 1000 && st.st_ctime > 1000);
    CHECK_OK(chmod(l, 0600));
    CHECK_OK(stat(f, &st));
    CHECK(st.st_mode == (S_IFREG | 0600));
    CHECK_OK(lstat(l, &st));
    CHECK((st.st_mode & 0777) == 0777);
    CHECK_OK(syscall(SYS_chmod, f, 0170644));   /* type bits in mode are ignored */
    CHECK_OK(stat(f, &st));
    CHECK(st.st_mode == (S_IFREG | 0644));
    return 0;
}
