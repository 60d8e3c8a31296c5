/* With F_SEAL_GROW a write that crosses the end stops at the last page boundary
 * inside the file (Linux writes page by page), and one that starts in the last
 * partial page and crosses the end is EPERM. */
#include "guest.h"

int main(void)
{
    int fd = CHECK_OK(syscall(SYS_memfd_create, "grow", 0x2));
    CHECK_OK(ftruncate(fd, 5000));
    CHECK_OK(fcntl(fd, 1033, 0x4));
    static char buf[8192];
    CHECK(pwrite(fd, buf, 6000, 100) == 4096 - 100);
    CHECK_ERR(pwrite(fd, buf, 2000, 4096), EPERM);
    CHECK(pwrite(fd, buf, 904, 4096) == 904);
    struct stat st;
    CHECK_OK(fstat(fd, &st));
    CHECK(st.st_size == 5000);
    close(fd);
    return 0;
}
