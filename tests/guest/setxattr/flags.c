/* setxattr's flags: XATTR_CREATE fails with EEXIST when the attribute exists,
 * XATTR_REPLACE with ENODATA when it does not; other bits are EINVAL. */
#include "guest.h"
#include <sys/xattr.h>

int main(void)
{
    const char *f = shm_path("setxattr-flags");
    make_file(f, "", 0);
    CHECK_ERR(setxattr(f, "user.a", "1", 1, XATTR_REPLACE), ENODATA);
    CHECK_OK(setxattr(f, "user.a", "1", 1, XATTR_CREATE));
    CHECK_ERR(setxattr(f, "user.a", "2", 1, XATTR_CREATE), EEXIST);
    CHECK_OK(setxattr(f, "user.a", "3", 1, XATTR_REPLACE));
    CHECK_ERR(setxattr(f, "user.a", "4", 1, 4), EINVAL);
    char c;
    CHECK(getxattr(f, "user.a", &c, 1) == 1 && c == '3');
    return 0;
}
