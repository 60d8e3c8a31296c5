/* futimesat resolves its path from a directory descriptor, or with a NULL path
 * works on the descriptor itself. */
#include "guest.h"
#include <sys/time.h>

int main(void)
{
    const char *d = tmp_path("futimesat");
    CHECK_OK(mkdir(d, 0755));
    const char *f = tmp_path_in(d, "f");
    make_file(f, "", 0);
    int dfd = CHECK_OK(open(d, O_RDONLY | O_DIRECTORY));
    struct timeval tv[2] = { { 111, 0 }, { 222, 0 } };
    CHECK_OK(syscall(SYS_futimesat, dfd, "f", tv));
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK(st.st_atime == 111 && st.st_mtime == 222);
    int fd = CHECK_OK(open(f, O_RDONLY));
    tv[1].tv_sec = 333;
    CHECK_OK(syscall(SYS_futimesat, fd, NULL, tv));
    CHECK_OK(stat(f, &st));
    CHECK(st.st_mtime == 333);
    CHECK_ERR(syscall(SYS_futimesat, closed_fd(), "f", tv), EBADF);
    close(fd);
    close(dfd);
    return 0;
}
