/* chmod's errors: ENOENT, ENOTDIR through a file, EFAULT, and EPERM for a user who
 * does not own the file; a non-owner in the group cannot either. */
#include "guest.h"

static const char *f;

static void user(void)
{
    CHECK_ERR(chmod(f, 0777), EPERM);
    CHECK_ERR(chmod("/tmp", 0777), EPERM);
}

int main(void)
{
    f = tmp_path("chmod-errors");
    make_file(f, "", 0);
    CHECK_OK(chmod(f, 0666));
    CHECK_OK(chown(f, 0, GUEST_GID));
    char p[160];
    snprintf(p, sizeof p, "%s/x", f);
    CHECK_ERR(chmod("/tmp/trellis-surely-missing", 0644), ENOENT);
    CHECK_ERR(chmod(p, 0644), ENOTDIR);
    CHECK_ERR(syscall(SYS_chmod, BAD_PTR, 0644), EFAULT);
    run_as_user(user);
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK((st.st_mode & 07777) == 0666);
    return 0;
}
