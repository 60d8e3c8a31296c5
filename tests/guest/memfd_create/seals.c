/* Seals of a memfd made with MFD_ALLOW_SEALING: F_SEAL_SHRINK stops shrinking,
 * F_SEAL_GROW growing (by truncate, write past the end, fallocate), F_SEAL_WRITE
 * writes and hole punching, all EPERM; F_SEAL_SEAL stops more seals; unknown seals
 * are EINVAL.  Without MFD_ALLOW_SEALING a memfd is sealed with F_SEAL_SEAL. */
#include "guest.h"

#ifndef F_ADD_SEALS
#define F_ADD_SEALS 1033
#define F_GET_SEALS 1034
#define F_SEAL_SEAL 0x0001
#define F_SEAL_SHRINK 0x0002
#define F_SEAL_GROW 0x0004
#define F_SEAL_WRITE 0x0008
#endif

int main(void)
{
    int fd = CHECK_OK(syscall(SYS_memfd_create, "seals", 0x2));
    CHECK(fcntl(fd, F_GET_SEALS) == 0);
    CHECK(write(fd, "0123456789", 10) == 10);
    CHECK_ERR(fcntl(fd, F_ADD_SEALS, 0x100), EINVAL);
    CHECK_OK(fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK));
    CHECK_ERR(ftruncate(fd, 5), EPERM);
    CHECK_OK(ftruncate(fd, 20));
    CHECK_OK(fcntl(fd, F_ADD_SEALS, F_SEAL_GROW));
    CHECK(fcntl(fd, F_GET_SEALS) == (F_SEAL_SHRINK | F_SEAL_GROW));
    CHECK_ERR(ftruncate(fd, 21), EPERM);
    CHECK_OK(ftruncate(fd, 20));
    CHECK_ERR(pwrite(fd, "x", 1, 20), EPERM);
    CHECK(pwrite(fd, "ab", 2, 18) == 2);
    CHECK_ERR(fallocate(fd, 0, 0, 21), EPERM);
    CHECK_OK(fallocate(fd, 0, 0, 20));
    CHECK_OK(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE));
    CHECK_ERR(pwrite(fd, "x", 1, 0), EPERM);
    CHECK_ERR(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, 1), EPERM);
    CHECK_OK(fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL));
    CHECK_ERR(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), EPERM);
    char buf[4];
    CHECK(pread(fd, buf, 2, 18) == 2 && memcmp(buf, "ab", 2) == 0);
    close(fd);
    int plain = CHECK_OK(syscall(SYS_memfd_create, "plain", 0));
    CHECK(fcntl(plain, F_GET_SEALS) == F_SEAL_SEAL);
    CHECK_ERR(fcntl(plain, F_ADD_SEALS, F_SEAL_GROW), EPERM);
    close(plain);
    return 0;
}
