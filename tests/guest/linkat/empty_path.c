/* linkat with AT_EMPTY_PATH links the file a descriptor (even an O_PATH one) refers
 * to; a directory descriptor is EPERM. */
#include "guest.h"

int main(void)
{
    const char *f = tmp_path("linkat-ep-f"), *n1 = tmp_path("linkat-ep-n1");
    const char *n2 = tmp_path("linkat-ep-n2"), *n3 = tmp_path("linkat-ep-n3");
    make_file(f, "x", 1);
    int fd = CHECK_OK(open(f, O_RDONLY));
    int pfd = CHECK_OK(open(f, O_PATH));
    CHECK_OK(linkat(fd, "", AT_FDCWD, n1, AT_EMPTY_PATH));
    CHECK_OK(linkat(pfd, "", AT_FDCWD, n2, AT_EMPTY_PATH));
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK(st.st_nlink == 3);
    int dfd = CHECK_OK(open("/tmp", O_RDONLY | O_DIRECTORY));
    CHECK_ERR(linkat(dfd, "", AT_FDCWD, n3, AT_EMPTY_PATH), EPERM);
    CHECK_ERR(linkat(closed_fd(), "", AT_FDCWD, n3, AT_EMPTY_PATH), EBADF);
    close(fd);
    close(pfd);
    close(dfd);
    return 0;
}
