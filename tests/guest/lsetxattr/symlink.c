/* On a symlink itself, user.* attributes are refused (set EPERM, get ENODATA) while
 * trusted.* ones work for root; setxattr through the link reaches the target. */
#include "guest.h"
#include <sys/xattr.h>

int main(void)
{
    const char *f = shm_path("lsetxattr-f"), *l = shm_path("lsetxattr-l");
    make_file(f, "", 0);
    CHECK_OK(symlink(f, l));
    char buf[8];
    CHECK_ERR(lsetxattr(l, "user.a", "x", 1, 0), EPERM);
    CHECK_ERR(lgetxattr(l, "user.a", buf, sizeof buf), ENODATA);
    CHECK_OK(lsetxattr(l, "trusted.a", "x", 1, 0));
    CHECK(lgetxattr(l, "trusted.a", buf, sizeof buf) == 1);
    CHECK_ERR(getxattr(f, "trusted.a", buf, sizeof buf), ENODATA);
    CHECK_OK(setxattr(l, "user.a", "y", 1, 0));
    CHECK(getxattr(f, "user.a", buf, sizeof buf) == 1 && buf[0] == 'y');
    CHECK(llistxattr(l, buf, sizeof buf) == 0 || llistxattr(l, NULL, 0) == 10);
    return 0;
}
