/* memfd_create's errors: unknown flags EINVAL, MFD_EXEC with MFD_NOEXEC_SEAL EINVAL,
 * a name longer than 249 bytes EINVAL (249 is fine), an unmapped name EFAULT. */
#include "guest.h"

int main(void)
{
    char name[300];
    memset(name, 'm', sizeof name);
    name[249] = '\0';
    int fd = CHECK_OK(syscall(SYS_memfd_create, name, 0));
    close(fd);
    name[249] = 'm';
    name[250] = '\0';
    CHECK_ERR(syscall(SYS_memfd_create, name, 0), EINVAL);
    CHECK_ERR(syscall(SYS_memfd_create, "x", 0x100), EINVAL);
    CHECK_ERR(syscall(SYS_memfd_create, "x", 0x10 | 0x8), EINVAL);
    CHECK_ERR(syscall(SYS_memfd_create, BAD_PTR, 0), EFAULT);
    return 0;
}
