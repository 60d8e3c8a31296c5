/* A pidfd is not readable while its process runs, and becomes readable
 * (POLLIN) when it exits, before it is reaped -- poll(2) waits for that;
 * after the reap it is readable still, and hung up (POLLHUP). */
#include "guest.h"
#include <poll.h>
#include <time.h>

int main(void)
{
    struct timespec ts = { 0, 30 * 1000 * 1000 };
    struct pollfd pfd = { .events = POLLIN };
    int p[2], st;
    pid_t c;
    char ch;

    CHECK_OK(pipe(p));
    c = CHECK_OK(fork());
    if (c == 0) {
        if (read(p[0], &ch, 1) != 1)
            _exit(1);
        nanosleep(&ts, NULL);
        _exit(3);
    }
    pfd.fd = CHECK_OK(syscall(SYS_pidfd_open, c, 0));
    CHECK(CHECK_OK(fcntl(pfd.fd, F_GETFD)) == FD_CLOEXEC);
    CHECK(CHECK_OK(poll(&pfd, 1, 0)) == 0);
    CHECK(CHECK_OK(write(p[1], "go", 1)) == 1);
    CHECK(CHECK_OK(poll(&pfd, 1, -1)) == 1);
    CHECK(pfd.revents & POLLIN);
    CHECK(waitpid(c, &st, WNOHANG) == c);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 3);
    pfd.events = POLLIN | POLLHUP;
    CHECK(CHECK_OK(poll(&pfd, 1, 0)) == 1);
    CHECK(pfd.revents & POLLIN);
    CHECK(pfd.revents & POLLHUP);
    return 0;
}
