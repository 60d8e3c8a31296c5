/* chown on a non-directory drops set-user-ID, and set-group-ID when group execute
 * is set, even by root and even when no id changes; a directory keeps both. */
#include "guest.h"

static mode_t mode_of(const char *p)
{
    struct stat st;
    CHECK_OK(stat(p, &st));
    return st.st_mode & 07777;
}

int main(void)
{
    const char *f = tmp_path("chown-setid-f"), *d = tmp_path("chown-setid-d");
    make_file(f, "", 0);
    CHECK_OK(mkdir(d, 0755));
    CHECK_OK(chmod(f, 06755));
    CHECK_OK(chown(f, -1, -1));
    CHECK(mode_of(f) == 0755);
    CHECK_OK(chmod(f, 06745));
    CHECK_OK(chown(f, 0, 0));
    CHECK(mode_of(f) == 02745);
    CHECK_OK(chmod(d, 06755));
    CHECK_OK(chown(d, 0, 0));
    CHECK(mode_of(d) == 06755);
    return 0;
}
