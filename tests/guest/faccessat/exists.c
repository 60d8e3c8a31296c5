/* faccessat F_OK and R_OK|W_OK on a file the caller created succeed; so does X_OK on
 * a directory. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("faccessat");
    make_file(path, "x", 1);
    CHECK_OK(syscall(SYS_faccessat, AT_FDCWD, path, F_OK));
    CHECK_OK(syscall(SYS_faccessat, AT_FDCWD, path, R_OK | W_OK));
    CHECK_OK(syscall(SYS_faccessat, AT_FDCWD, "/tmp", R_OK | X_OK));
    CHECK_OK(access("/", F_OK));
    return 0;
}
