/* listxattr lists the names, each NUL-terminated; size 0 gives the length needed,
 * a smaller buffer is ERANGE; an empty list is 0. */
#include "guest.h"
#include <sys/xattr.h>

int main(void)
{
    const char *f = shm_path("listxattr");
    make_file(f, "", 0);
    CHECK(listxattr(f, NULL, 0) == 0);
    CHECK_OK(setxattr(f, "user.one", "1", 1, 0));
    CHECK_OK(setxattr(f, "user.two", "2", 1, 0));
    char buf[64];
    ssize_t n = listxattr(f, NULL, 0);
    CHECK(n == 18);
    CHECK(listxattr(f, buf, sizeof buf) == 18);
    CHECK((memcmp(buf, "user.one\0user.two\0", 18) == 0) ||
          (memcmp(buf, "user.two\0user.one\0", 18) == 0));
    CHECK_ERR(listxattr(f, buf, 10), ERANGE);
    CHECK_ERR(syscall(SYS_listxattr, f, BAD_PTR, 64), EFAULT);
    return 0;
}
