/* openat2 reads struct open_how as an extensible struct: smaller than 24 bytes is
 * EINVAL, larger than a page E2BIG, a larger size with zeros past the known fields
 * is fine and with a non-zero byte E2BIG; an unmapped struct is EFAULT. */
#include "guest.h"

#ifndef SYS_openat2
#define SYS_openat2 437
#endif
struct how { uint64_t flags, mode, resolve, extra[2]; };

int main(void)
{
    struct how h = { .flags = O_RDONLY };
    int fd = CHECK_OK(syscall(SYS_openat2, AT_FDCWD, "/tmp", &h, 24));
    close(fd);
    fd = CHECK_OK(syscall(SYS_openat2, AT_FDCWD, "/tmp", &h, sizeof h));
    close(fd);
    CHECK_ERR(syscall(SYS_openat2, AT_FDCWD, "/tmp", &h, 16), EINVAL);
    CHECK_ERR(syscall(SYS_openat2, AT_FDCWD, "/tmp", &h, 8192), E2BIG);
    h.extra[1] = 1;
    CHECK_ERR(syscall(SYS_openat2, AT_FDCWD, "/tmp", &h, sizeof h), E2BIG);
    CHECK_ERR(syscall(SYS_openat2, AT_FDCWD, "/tmp", BAD_PTR, 24), EFAULT);
    h.extra[1] = 0;
    CHECK_ERR(syscall(SYS_openat2, AT_FDCWD, BAD_PTR, &h, 24), EFAULT);
    return 0;
}
