/* truncate's errors: a negative length EINVAL, a directory EISDIR, a missing file
 * ENOENT, EFAULT, and EACCES without write permission. */
#include "guest.h"

static const char *f;

static void user(void)
{
    CHECK_ERR(truncate(f, 0), EACCES);
}

int main(void)
{
    f = tmp_path("truncate-errors");
    make_file(f, "abc", 3);
    CHECK_ERR(truncate(f, -1), EINVAL);
    CHECK_ERR(truncate("/tmp", 0), EISDIR);
    CHECK_ERR(truncate("/tmp/trellis-surely-missing", 0), ENOENT);
    CHECK_ERR(syscall(SYS_truncate, BAD_PTR, 0), EFAULT);
    CHECK_ERR(truncate("/dev/null", 0), EINVAL);
    run_as_user(user);
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK(st.st_size == 3);
    return 0;
}
