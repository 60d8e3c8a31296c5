/* timerfd_settime(2)'s checks: EFAULT for the new value (first), EINVAL
 * for unknown flags or an unnormalised value, EBADF, EINVAL for a
 * descriptor that is not a timerfd; timerfd_gettime(2) likewise. */
#include "guest.h"
#include <sys/timerfd.h>

int main(void)
{
    struct itimerspec ok = { { 0, 0 }, { 0, 0 } }, bad = { { 0, 0 }, { 0, 1000000000 } };
    struct itimerspec neg = { { -1, 0 }, { 1, 0 } };
    int fd = CHECK_OK(timerfd_create(CLOCK_MONOTONIC, 0)), p[2];

    CHECK_OK(pipe(p));
    CHECK_ERR(syscall(SYS_timerfd_settime, closed_fd(), 0, BAD_PTR, NULL), EFAULT);
    CHECK_ERR(timerfd_settime(closed_fd(), 4, &ok, NULL), EINVAL);
    CHECK_ERR(timerfd_settime(fd, 0, &bad, NULL), EINVAL);
    CHECK_ERR(timerfd_settime(fd, 0, &neg, NULL), EINVAL);
    CHECK_ERR(timerfd_settime(closed_fd(), 0, &ok, NULL), EBADF);
    CHECK_ERR(timerfd_settime(p[0], 0, &ok, NULL), EINVAL);
    CHECK_ERR(syscall(SYS_timerfd_settime, fd, 0, &ok, BAD_PTR), EFAULT);
    CHECK_ERR(timerfd_gettime(closed_fd(), &ok), EBADF);
    CHECK_ERR(timerfd_gettime(p[0], &ok), EINVAL);
    CHECK_ERR(syscall(SYS_timerfd_gettime, fd, BAD_PTR), EFAULT);
    return 0;
}
