/* ppoll(2)'s checks, in Linux's order: the timeout (EFAULT, EINVAL for a
 * negative or unnormalised one), then the mask (EINVAL for a size other
 * than 8, EFAULT), then the array. */
#include "guest.h"
#include <poll.h>
#include <signal.h>
#include <time.h>

int main(void)
{
    struct timespec bad = { 0, 1000000000 }, neg = { -1, 0 }, ok = { 0, 0 };
    unsigned long mask = 0;
    struct pollfd pfd = { .fd = 0, .events = 0 };

    CHECK_ERR(syscall(SYS_ppoll, &pfd, 1, BAD_PTR, &mask, 8), EFAULT);
    CHECK_ERR(syscall(SYS_ppoll, &pfd, 1, &bad, &mask, 8), EINVAL);
    CHECK_ERR(syscall(SYS_ppoll, &pfd, 1, &neg, &mask, 8), EINVAL);
    CHECK_ERR(syscall(SYS_ppoll, &pfd, 1, &ok, &mask, 4), EINVAL);
    CHECK_ERR(syscall(SYS_ppoll, &pfd, 1, &ok, BAD_PTR, 8), EFAULT);
    CHECK_ERR(syscall(SYS_ppoll, BAD_PTR, 1, &ok, &mask, 8), EFAULT);
    CHECK(CHECK_OK(syscall(SYS_ppoll, BAD_PTR, 0, &ok, NULL, 1)) == 0);
    return 0;
}
