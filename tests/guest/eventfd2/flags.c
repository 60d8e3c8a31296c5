/* eventfd2(2) takes EFD_SEMAPHORE, EFD_NONBLOCK and EFD_CLOEXEC only
 * (EINVAL otherwise); EFD_CLOEXEC sets FD_CLOEXEC.  eventfd(2) is
 * eventfd2 with no flags.  Readiness: POLLIN while the count is not 0,
 * POLLOUT while below the maximum -- never POLLRDNORM or POLLWRNORM. */
#include "guest.h"
#include <poll.h>
#include <stdint.h>
#include <sys/eventfd.h>

int main(void)
{
    struct pollfd pfd = { .events = POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM };
    int fd;

    CHECK_ERR(syscall(SYS_eventfd2, 0, 2), EINVAL);
    CHECK_ERR(syscall(SYS_eventfd2, 0, O_RDWR), EINVAL);
    fd = CHECK_OK(syscall(SYS_eventfd2, 0, EFD_CLOEXEC));
    CHECK(CHECK_OK(fcntl(fd, F_GETFD)) == FD_CLOEXEC);
    fd = CHECK_OK(syscall(SYS_eventfd, 2));
    CHECK(CHECK_OK(fcntl(fd, F_GETFD)) == 0);
    pfd.fd = fd;
    CHECK(CHECK_OK(poll(&pfd, 1, 0)) == 1);
    CHECK(pfd.revents == (POLLIN | POLLOUT));
    return 0;
}
