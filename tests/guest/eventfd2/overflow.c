/* The counter holds at most 2^64-2: writing 2^64-1 is EINVAL; a write
 * that would pass the maximum waits, or fails with EAGAIN under
 * EFD_NONBLOCK; at the maximum the eventfd is readable but not writable. */
#include "guest.h"
#include <poll.h>
#include <stdint.h>
#include <sys/eventfd.h>

int main(void)
{
    int fd = CHECK_OK(eventfd(0, EFD_NONBLOCK));
    uint64_t v = UINT64_MAX;
    struct pollfd pfd = { .fd = fd, .events = POLLIN | POLLOUT };

    CHECK_ERR(write(fd, &v, sizeof v), EINVAL);
    v = UINT64_MAX - 1;
    CHECK(CHECK_OK(write(fd, &v, sizeof v)) == 8);
    v = 1;
    CHECK_ERR(write(fd, &v, sizeof v), EAGAIN);
    v = 0;
    CHECK(CHECK_OK(write(fd, &v, sizeof v)) == 8);
    CHECK(CHECK_OK(poll(&pfd, 1, 0)) == 1);
    CHECK(pfd.revents == POLLIN);
    CHECK(CHECK_OK(read(fd, &v, sizeof v)) == 8);
    CHECK(v == UINT64_MAX - 1);
    CHECK(CHECK_OK(poll(&pfd, 1, 0)) == 1);
    CHECK(pfd.revents == POLLOUT);
    return 0;
}
