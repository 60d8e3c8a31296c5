/* fchownat: AT_SYMLINK_NOFOLLOW changes the link itself, AT_EMPTY_PATH the
 * descriptor's file (O_PATH too); other flags are EINVAL. */
#include "guest.h"

int main(void)
{
    const char *f = tmp_path("fchownat-f"), *l = tmp_path("fchownat-l");
    make_file(f, "", 0);
    CHECK_OK(symlink(f, l));
    struct stat st;
    CHECK_OK(fchownat(AT_FDCWD, l, 5, 6, AT_SYMLINK_NOFOLLOW));
    CHECK_OK(lstat(l, &st));
    CHECK(st.st_uid == 5 && st.st_gid == 6);
    CHECK_OK(stat(f, &st));
    CHECK(st.st_uid == 0);
    int pfd = CHECK_OK(open(f, O_PATH));
    CHECK_OK(fchownat(pfd, "", 7, 8, AT_EMPTY_PATH));
    CHECK_OK(stat(f, &st));
    CHECK(st.st_uid == 7 && st.st_gid == 8);
    CHECK_ERR(fchownat(AT_FDCWD, f, 0, 0, 0x2), EINVAL);
    CHECK_ERR(fchownat(pfd, "", 0, 0, 0), ENOENT);
    close(pfd);
    return 0;
}
