/* openat resolves a relative path against its directory descriptor, not the cwd;
 * a bad dirfd fails with EBADF and a file as dirfd with ENOTDIR. */
#include "guest.h"

int main(void)
{
    const char *dir = tmp_path("openat-dirfd");
    CHECK_OK(mkdir(dir, 0755));
    const char *file = tmp_path_in(dir, "inner");
    make_file(file, "inside", 6);
    CHECK_OK(chdir("/"));
    int dfd = CHECK_OK(open(dir, O_RDONLY | O_DIRECTORY));
    int fd = CHECK_OK(openat(dfd, "inner", O_RDONLY));
    char buf[8] = {0};
    CHECK(read(fd, buf, sizeof buf) == 6 && memcmp(buf, "inside", 6) == 0);
    CHECK_ERR(openat(closed_fd(), "inner", O_RDONLY), EBADF);
    CHECK_ERR(openat(fd, "inner", O_RDONLY), ENOTDIR);
    /* An absolute path ignores dirfd, even a bad one. */
    int fd2 = CHECK_OK(openat(closed_fd(), file, O_RDONLY));
    close(fd2);
    close(fd);
    close(dfd);
    return 0;
}
