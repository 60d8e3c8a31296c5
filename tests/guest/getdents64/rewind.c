/* After lseek(fd, 0, SEEK_SET) getdents64 lists the directory again from the start. */
#include "guest.h"

int main(void)
{
    int fd = CHECK_OK(open("/", O_RDONLY | O_DIRECTORY));
    char a[8192] __attribute__((aligned(8))), b[8192] __attribute__((aligned(8)));
    long n = CHECK_OK(syscall(SYS_getdents64, fd, a, sizeof a));
    CHECK(n > 0);
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    long m = CHECK_OK(syscall(SYS_getdents64, fd, b, sizeof b));
    CHECK(m == n && memcmp(a, b, n) == 0);
    close(fd);
    return 0;
}
