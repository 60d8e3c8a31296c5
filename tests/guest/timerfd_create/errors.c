/* timerfd_create(2) takes REALTIME, MONOTONIC and BOOTTIME (EINVAL for
 * other clocks or flags); the *_ALARM clocks need CAP_WAKE_ALARM, so a
 * process without it (here: after dropping root) gets EPERM. */
#include "guest.h"
#include <sys/timerfd.h>

static void as_nobody(void)
{
    if (setuid(65534) != 0)
        _exit(2);
    if (timerfd_create(CLOCK_REALTIME_ALARM, 0) != -1 || errno != EPERM)
        _exit(3);
    if (timerfd_create(CLOCK_BOOTTIME_ALARM, 0) != -1 || errno != EPERM)
        _exit(4);
    if (timerfd_create(CLOCK_PROCESS_CPUTIME_ID, 0) != -1 || errno != EINVAL)
        _exit(5);
}

int main(void)
{
    int fd;

    CHECK_ERR(timerfd_create(CLOCK_MONOTONIC_RAW, 0), EINVAL);
    CHECK_ERR(timerfd_create(CLOCK_THREAD_CPUTIME_ID, 0), EINVAL);
    CHECK_ERR(timerfd_create(-1, 0), EINVAL);
    CHECK_ERR(timerfd_create(CLOCK_MONOTONIC, 1), EINVAL);
    fd = CHECK_OK(timerfd_create(CLOCK_REALTIME, TFD_CLOEXEC | TFD_NONBLOCK));
    CHECK(CHECK_OK(fcntl(fd, F_GETFD)) == FD_CLOEXEC);
    CHECK(CHECK_OK(fcntl(fd, F_GETFL)) == (O_RDWR | O_NONBLOCK));
    if (getuid() == 0)
        run_in_child(as_nobody);
    return 0;
}
