/* O_NOFOLLOW refuses a final symlink with ELOOP (a symlink in the middle is still
 * followed); with O_PATH it opens the link itself; O_CREAT|O_EXCL never follows,
 * so a dangling link is EEXIST. */
#include "guest.h"

int main(void)
{
    const char *f = tmp_path("nofollow-f"), *l = tmp_path("nofollow-l");
    const char *dl = tmp_path("nofollow-dl"), *dir = tmp_path("nofollow-d");
    const char *dirl = tmp_path("nofollow-dirl");
    make_file(f, "", 0);
    CHECK_OK(symlink(f, l));
    CHECK_OK(symlink("/tmp/trellis-surely-missing", dl));
    CHECK_OK(mkdir(dir, 0755));
    const char *inner = tmp_path_in(dir, "x");
    make_file(inner, "", 0);
    CHECK_OK(symlink(dir, dirl));
    CHECK_ERR(open(l, O_RDONLY | O_NOFOLLOW), ELOOP);
    int fd = CHECK_OK(open(l, O_PATH | O_NOFOLLOW));
    struct stat st;
    CHECK_OK(fstat(fd, &st));
    CHECK(S_ISLNK(st.st_mode));
    close(fd);
    char p[160];
    snprintf(p, sizeof p, "%s/x", dirl);
    fd = CHECK_OK(open(p, O_RDONLY | O_NOFOLLOW));
    close(fd);
    CHECK_ERR(open(dl, O_RDWR | O_CREAT | O_EXCL, 0600), EEXIST);
    return 0;
}
