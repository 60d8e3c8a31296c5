/* X_OK on a file with no execute bit fails with EACCES, even for root. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("faccessat-x");
    make_file(path, "x", 1);
    CHECK_ERR(syscall(SYS_faccessat, AT_FDCWD, path, X_OK), EACCES);
    return 0;
}
