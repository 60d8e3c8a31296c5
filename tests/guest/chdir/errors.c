/* chdir to a missing path fails with ENOENT, to a regular file with ENOTDIR, to an
 * unmapped path with EFAULT, and leaves the working directory alone. */
#include "guest.h"

int main(void)
{
    CHECK_OK(chdir("/tmp"));
    const char *file = tmp_path("chdir-file");
    make_file(file, "x", 1);
    CHECK_ERR(chdir("/tmp/trellis-surely-missing"), ENOENT);
    CHECK_ERR(chdir(file), ENOTDIR);
    CHECK_ERR(syscall(SYS_chdir, BAD_PTR), EFAULT);
    CHECK_ERR(chdir(""), ENOENT);
    char buf[16];
    CHECK(getcwd(buf, sizeof buf) != NULL);
    CHECK(strcmp(buf, "/tmp") == 0);
    return 0;
}
