/* fchmodat resolves the path from its directory descriptor and follows symlinks;
 * glibc's AT_SYMLINK_NOFOLLOW is not a flag of the raw call (it takes none). */
#include "guest.h"

int main(void)
{
    const char *d = tmp_path("fchmodat");
    CHECK_OK(mkdir(d, 0755));
    const char *f = tmp_path_in(d, "f");
    make_file(f, "", 0);
    int dfd = CHECK_OK(open(d, O_RDONLY | O_DIRECTORY));
    CHECK_OK(syscall(SYS_fchmodat, dfd, "f", 0600));
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK((st.st_mode & 07777) == 0600);
    CHECK_ERR(syscall(SYS_fchmodat, closed_fd(), "f", 0600), EBADF);
    CHECK_ERR(syscall(SYS_fchmodat, dfd, "missing", 0600), ENOENT);
    close(dfd);
    return 0;
}
