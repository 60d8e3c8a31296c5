/* fchmodat2 takes AT_SYMLINK_NOFOLLOW (a symlink's own mode cannot change:
 * EOPNOTSUPP) and AT_EMPTY_PATH (the descriptor itself); other flags are EINVAL. */
#include "guest.h"

#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif

int main(void)
{
    const char *f = tmp_path("fchmodat2-f"), *l = tmp_path("fchmodat2-l");
    make_file(f, "", 0);
    CHECK_OK(symlink(f, l));
    CHECK_ERR(syscall(SYS_fchmodat2, AT_FDCWD, l, 0600, AT_SYMLINK_NOFOLLOW), EOPNOTSUPP);
    CHECK_ERR(syscall(SYS_fchmodat2, AT_FDCWD, f, 0600, 0x4), EINVAL);
    CHECK_OK(syscall(SYS_fchmodat2, AT_FDCWD, f, 0640, AT_SYMLINK_NOFOLLOW));
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK((st.st_mode & 07777) == 0640);
    int pfd = CHECK_OK(open(f, O_PATH));
    CHECK_OK(syscall(SYS_fchmodat2, pfd, "", 0604, AT_EMPTY_PATH));
    CHECK_OK(stat(f, &st));
    CHECK((st.st_mode & 07777) == 0604);
    CHECK_ERR(syscall(SYS_fchmodat2, pfd, "", 0604, 0), ENOENT);
    close(pfd);
    return 0;
}
