/* F_SEAL_FUTURE_WRITE stops writes (EPERM) but not reads, nor growing or
 * shrinking the file. */
#include "guest.h"

int main(void)
{
    int fd = CHECK_OK(syscall(SYS_memfd_create, "future", 0x2));
    CHECK(write(fd, "abc", 3) == 3);
    CHECK_OK(fcntl(fd, 1033, 0x10));
    CHECK(fcntl(fd, 1034) == 0x10);
    CHECK_ERR(pwrite(fd, "x", 1, 0), EPERM);
    CHECK_ERR(write(fd, "x", 1), EPERM);
    char buf[4];
    CHECK(pread(fd, buf, 3, 0) == 3 && memcmp(buf, "abc", 3) == 0);
    CHECK_OK(ftruncate(fd, 100));
    CHECK_OK(ftruncate(fd, 2));
    close(fd);
    return 0;
}
