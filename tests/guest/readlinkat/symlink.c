/* readlink of /bin/sh (a symbolic link natively and in Trellis's root) returns its
 * target without a NUL; a short buffer truncates silently. */
#include "guest.h"

int main(void)
{
    char buf[256];
    memset(buf, 'x', sizeof buf);
    long n = CHECK_OK(syscall(SYS_readlinkat, AT_FDCWD, "/bin/sh", buf, sizeof buf));
    CHECK(n > 0 && n < (long)sizeof buf);
    CHECK(buf[n] == 'x');
    CHECK(memchr(buf, '\0', n) == NULL);
    char small[2];
    CHECK(syscall(SYS_readlinkat, AT_FDCWD, "/bin/sh", small, 2) == 2);
    CHECK(memcmp(small, buf, 2) == 0);
    int dfd = CHECK_OK(open("/bin", O_RDONLY | O_DIRECTORY));
    char again[256];
    CHECK(syscall(SYS_readlinkat, dfd, "sh", again, sizeof again) == n);
    CHECK(memcmp(again, buf, n) == 0);
    close(dfd);
    return 0;
}
