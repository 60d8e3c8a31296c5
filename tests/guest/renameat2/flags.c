/* renameat2's flags: unknown bits EINVAL; RENAME_EXCHANGE with RENAME_NOREPLACE or
 * RENAME_WHITEOUT EINVAL; RENAME_WHITEOUT without CAP_MKNOD EPERM. */
#include "guest.h"

static const char *a, *b;

static void user(void)
{
    CHECK_ERR(syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_WHITEOUT), EPERM);
}

int main(void)
{
    a = tmp_path("renameat2-flags-a");
    b = tmp_path("renameat2-flags-b");
    make_file(a, "", 0);
    CHECK_ERR(syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 0x8), EINVAL);
    CHECK_ERR(syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE | RENAME_NOREPLACE), EINVAL);
    CHECK_ERR(syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE | RENAME_WHITEOUT), EINVAL);
    run_as_user(user);
    struct stat st;
    CHECK_OK(stat(a, &st));
    CHECK_ERR(stat(b, &st), ENOENT);
    return 0;
}
