/* xattr names: empty or longer than 255 bytes ERANGE; a bare "user." EINVAL; an
 * unknown namespace or "system." without a handler EOPNOTSUPP; a value larger
 * than 64 KiB E2BIG; EFAULT for the name or value; ENOENT for the path. */
#include "guest.h"
#include <sys/xattr.h>

int main(void)
{
    const char *f = shm_path("setxattr-names");
    make_file(f, "", 0);
    char name[300];
    memcpy(name, "user.", 5);
    memset(name + 5, 'n', 260);
    name[265] = '\0';
    CHECK_ERR(setxattr(f, "", "x", 1, 0), ERANGE);
    CHECK_ERR(setxattr(f, name, "x", 1, 0), ERANGE);
    CHECK_ERR(getxattr(f, name, NULL, 0), ERANGE);
    CHECK_ERR(setxattr(f, "user.", "x", 1, 0), EINVAL);
    CHECK_ERR(setxattr(f, "foo.bar", "x", 1, 0), EOPNOTSUPP);
    CHECK_ERR(setxattr(f, "system.foo", "x", 1, 0), EOPNOTSUPP);
    CHECK_ERR(getxattr(f, "foo.bar", NULL, 0), EOPNOTSUPP);
    CHECK_ERR(syscall(SYS_setxattr, f, "user.big", name, 65537, 0), E2BIG);
    CHECK_ERR(syscall(SYS_setxattr, f, BAD_PTR, "x", 1, 0), EFAULT);
    CHECK_ERR(syscall(SYS_setxattr, f, "user.a", BAD_PTR, 1, 0), EFAULT);
    CHECK_ERR(setxattr("/dev/shm/trellis-surely-missing", "user.a", "x", 1, 0), ENOENT);
    name[255] = '\0';
    CHECK_OK(setxattr(f, name, "x", 1, 0));
    return 0;
}
