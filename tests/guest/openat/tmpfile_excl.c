/* An O_TMPFILE file made with O_EXCL can never be linked (ENOENT); neither can any
 * file whose last name is gone. */
#include "guest.h"

int main(void)
{
    const char *d = tmp_path("tmpfile-excl");
    CHECK_OK(mkdir(d, 0755));
    const char *name = tmp_path_in(d, "n"), *g = tmp_path_in(d, "g");
    int fd = CHECK_OK(open(d, O_TMPFILE | O_RDWR | O_EXCL, 0600));
    CHECK_ERR(linkat(fd, "", AT_FDCWD, name, AT_EMPTY_PATH), ENOENT);
    close(fd);
    make_file(g, "", 0);
    fd = CHECK_OK(open(g, O_RDONLY));
    CHECK_OK(unlink(g));
    CHECK_ERR(linkat(fd, "", AT_FDCWD, name, AT_EMPTY_PATH), ENOENT);
    close(fd);
    return 0;
}
