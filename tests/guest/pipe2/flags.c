/* pipe2 takes O_CLOEXEC and O_NONBLOCK (on both ends); other flags fail with EINVAL. */
#include "guest.h"

int main(void)
{
    int p[2];
    char c;
    CHECK_ERR(pipe2(p, O_APPEND), EINVAL);
    CHECK_ERR(pipe2(p, O_RDWR), EINVAL);
    CHECK_ERR(syscall(SYS_pipe2, p, 0x80000000u), EINVAL);
    CHECK_OK(pipe2(p, 0));
    CHECK(CHECK_OK(fcntl(p[0], F_GETFD)) == 0 && CHECK_OK(fcntl(p[1], F_GETFD)) == 0);
    close(p[0]);
    close(p[1]);
    CHECK_OK(pipe2(p, O_CLOEXEC | O_NONBLOCK));
    for (int i = 0; i < 2; i++) {
        CHECK(CHECK_OK(fcntl(p[i], F_GETFD)) == FD_CLOEXEC);
        CHECK(CHECK_OK(fcntl(p[i], F_GETFL)) & O_NONBLOCK);
    }
    CHECK_ERR(read(p[0], &c, 1), EAGAIN);
    close(p[0]);
    close(p[1]);
    CHECK_OK(pipe2(p, O_NONBLOCK));
    CHECK(CHECK_OK(fcntl(p[0], F_GETFD)) == 0);
    CHECK_ERR(read(p[0], &c, 1), EAGAIN);
    close(p[0]);
    close(p[1]);
    return 0;
}
