/* symlinkat makes the link relative to its directory descriptor; EBADF for a bad
 * one, ENOTDIR for one that is not a directory. */
#include "guest.h"

int main(void)
{
    const char *d = tmp_path("symlinkat");
    CHECK_OK(mkdir(d, 0755));
    const char *l = tmp_path_in(d, "l");
    int dfd = CHECK_OK(open(d, O_RDONLY | O_DIRECTORY));
    CHECK_OK(symlinkat("target", dfd, "l"));
    char buf[16] = { 0 };
    CHECK(readlink(l, buf, sizeof buf) == 6 && strcmp(buf, "target") == 0);
    CHECK_ERR(symlinkat("t", closed_fd(), "x"), EBADF);
    const char *f = tmp_path_in(d, "f");
    make_file(f, "", 0);
    int ffd = CHECK_OK(open(f, O_RDONLY));
    CHECK_ERR(symlinkat("t", ffd, "x"), ENOTDIR);
    close(ffd);
    close(dfd);
    return 0;
}
