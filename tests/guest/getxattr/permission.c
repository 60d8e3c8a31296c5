/* xattr permissions: reading user.* wants read permission and writing it write
 * permission (EACCES); trusted.* needs CAP_SYS_ADMIN (writes EPERM, reads ENODATA,
 * and listing hides them); security.* may be read by anyone but set only with
 * CAP_SYS_ADMIN (EPERM); in a sticky directory only its owner sets user.*. */
#include "guest.h"
#include <sys/xattr.h>

static const char *f, *sticky;

static void user(void)
{
    char buf[16];
    CHECK_ERR(getxattr(f, "user.a", buf, sizeof buf), EACCES);
    CHECK_ERR(setxattr(f, "user.b", "x", 1, 0), EACCES);
    CHECK_ERR(getxattr(f, "trusted.t", buf, sizeof buf), ENODATA);
    CHECK_ERR(setxattr(f, "trusted.t", "x", 1, 0), EPERM);
    CHECK(getxattr(f, "security.s", buf, sizeof buf) == 1);
    CHECK_ERR(setxattr(f, "security.s", "y", 1, 0), EPERM);
    CHECK_ERR(setxattr(sticky, "user.x", "1", 1, 0), EPERM);
    char list[128];
    ssize_t n = listxattr(f, list, sizeof list);
    CHECK(n > 0);
    for (ssize_t i = 0; i < n; i += (ssize_t)strlen(list + i) + 1)
        CHECK(strncmp(list + i, "trusted.", 8) != 0);
}

int main(void)
{
    f = shm_path("xattr-perm");
    sticky = shm_path("xattr-perm-sticky");
    make_file(f, "", 0);
    CHECK_OK(mkdir(sticky, 0777));
    CHECK_OK(chmod(sticky, 01777));
    CHECK_OK(setxattr(f, "user.a", "1", 1, 0));
    CHECK_OK(setxattr(f, "trusted.t", "1", 1, 0));
    CHECK_OK(setxattr(f, "security.s", "1", 1, 0));
    CHECK_OK(chmod(f, 0600));
    run_as_user(user);
    return 0;
}
