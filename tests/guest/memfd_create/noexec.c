/* MFD_NOEXEC_SEAL makes a memfd of mode 0666 sealed with F_SEAL_EXEC, which allows
 * more seals but no change of the execute bits (EPERM). */
#include "guest.h"

int main(void)
{
    int fd = CHECK_OK(syscall(SYS_memfd_create, "noexec", 0x8));
    struct stat st;
    CHECK_OK(fstat(fd, &st));
    CHECK((st.st_mode & 07777) == 0666);
    CHECK(fcntl(fd, 1034) == 0x20);
    CHECK_ERR(syscall(SYS_fchmod, fd, 0777), EPERM);
    CHECK_OK(syscall(SYS_fchmod, fd, 0600));
    CHECK_OK(fcntl(fd, 1033, 0x4));
    CHECK(fcntl(fd, 1034) == 0x24);
    close(fd);
    return 0;
}
