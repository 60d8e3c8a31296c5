/* select(2)'s errors: EBADF when any set names a closed descriptor (before
 * any wait), EINVAL for a negative n or timeout, EFAULT for an unreadable
 * set. */
#include "guest.h"
#include <sys/select.h>

int main(void)
{
    struct timeval neg = { -1, 0 }, negu = { 0, -1 }, zero = { 0, 0 };
    int bad = closed_fd();
    fd_set r;

    FD_ZERO(&r);
    FD_SET(bad, &r);
    CHECK_ERR(select(bad + 1, &r, NULL, NULL, NULL), EBADF);
    CHECK_ERR(select(bad + 1, NULL, &r, NULL, NULL), EBADF);
    CHECK_ERR(select(bad + 1, NULL, NULL, &r, NULL), EBADF);
    FD_ZERO(&r);
    CHECK_ERR(syscall(SYS_select, -1, &r, NULL, NULL, &zero), EINVAL);
    CHECK_ERR(syscall(SYS_select, 1, &r, NULL, NULL, &neg), EINVAL);
    CHECK_ERR(syscall(SYS_select, 1, &r, NULL, NULL, &negu), EINVAL);
    CHECK_ERR(syscall(SYS_select, 1, BAD_PTR, NULL, NULL, &zero), EFAULT);
    CHECK_ERR(syscall(SYS_select, 1, &r, NULL, NULL, BAD_PTR), EFAULT);
    CHECK(CHECK_OK(syscall(SYS_select, 0, NULL, NULL, NULL, &zero)) == 0);
    return 0;
}
