/* renameat resolves each relative name from its own directory descriptor;
 * a bad descriptor is EBADF, one that is not a directory ENOTDIR. */
#include "guest.h"

int main(void)
{
    const char *a = tmp_path("renameat-a"), *b = tmp_path("renameat-b");
    CHECK_OK(mkdir(a, 0755));
    CHECK_OK(mkdir(b, 0755));
    const char *f = tmp_path_in(a, "f"), *g = tmp_path_in(b, "g");
    make_file(f, "x", 1);
    int da = CHECK_OK(open(a, O_RDONLY | O_DIRECTORY));
    int db = CHECK_OK(open(b, O_PATH | O_DIRECTORY));
    CHECK_OK(renameat(da, "f", db, "g"));
    struct stat st;
    CHECK_OK(stat(g, &st));
    CHECK_ERR(renameat(closed_fd(), "f", db, "g"), EBADF);
    int ff = CHECK_OK(open(g, O_RDONLY));
    CHECK_ERR(renameat(ff, "x", db, "y"), ENOTDIR);
    CHECK_OK(renameat(db, "g", AT_FDCWD, f));
    CHECK_OK(stat(f, &st));
    close(ff);
    close(da);
    close(db);
    return 0;
}
