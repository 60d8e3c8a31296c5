/* close_range closes every open descriptor in [first, last] and skips the holes;
 * CLOSE_RANGE_CLOEXEC marks them close-on-exec instead; CLOSE_RANGE_UNSHARE is
 * accepted; first > last and unknown flags are EINVAL; ~0U as last means all. */
#include "guest.h"

#ifndef CLOSE_RANGE_UNSHARE
#define CLOSE_RANGE_UNSHARE (1U << 1)
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

int main(void)
{
    int base = CHECK_OK(fcntl(0, F_DUPFD, 100));
    CHECK_OK(dup2(base, 102));
    CHECK_OK(dup2(base, 104));
    CHECK_OK(dup2(base, 110));
    CHECK_OK(syscall(SYS_close_range, 101, 104, 0));
    CHECK_ERR(fcntl(102, F_GETFD), EBADF);
    CHECK_ERR(fcntl(104, F_GETFD), EBADF);
    CHECK(fcntl(100, F_GETFD) == 0 && fcntl(110, F_GETFD) == 0);
    CHECK_OK(syscall(SYS_close_range, 100, 110, CLOSE_RANGE_CLOEXEC));
    CHECK(fcntl(100, F_GETFD) == FD_CLOEXEC && fcntl(110, F_GETFD) == FD_CLOEXEC);
    CHECK_ERR(syscall(SYS_close_range, 5, 4, 0), EINVAL);
    CHECK_ERR(syscall(SYS_close_range, 100, 110, 0x1), EINVAL);
    CHECK_OK(syscall(SYS_close_range, 110, 110, CLOSE_RANGE_UNSHARE));
    CHECK_ERR(fcntl(110, F_GETFD), EBADF);
    CHECK_OK(syscall(SYS_close_range, 100, ~0U, 0));
    CHECK_ERR(fcntl(100, F_GETFD), EBADF);
    CHECK(fcntl(0, F_GETFD) >= 0);
    return 0;
}
