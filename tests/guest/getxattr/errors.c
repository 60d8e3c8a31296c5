/* getxattr: a missing attribute ENODATA; a buffer too small for the value ERANGE;
 * an unmapped buffer EFAULT. */
#include "guest.h"
#include <sys/xattr.h>

int main(void)
{
    const char *f = shm_path("getxattr-errors");
    make_file(f, "", 0);
    char buf[4];
    CHECK_ERR(getxattr(f, "user.none", buf, sizeof buf), ENODATA);
    CHECK_OK(setxattr(f, "user.long", "0123456789", 10, 0));
    CHECK_ERR(getxattr(f, "user.long", buf, sizeof buf), ERANGE);
    CHECK_ERR(syscall(SYS_getxattr, f, "user.long", BAD_PTR, 64), EFAULT);
    CHECK_ERR(getxattr("/dev/shm/trellis-surely-missing", "user.a", buf, 4), ENOENT);
    return 0;
}
