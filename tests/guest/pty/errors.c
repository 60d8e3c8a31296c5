/* Errors: the master's own ioctls on a slave and any tty ioctl on a
 * regular file are ENOTTY; a bad TCFLSH queue is EINVAL; a locked slave
 * opens with EIO (also by TIOCGPTPEER); ptsname of a non-pty fails. */
#include "guest.h"
#include <sys/ioctl.h>
#include <termios.h>
#ifndef TIOCGPTPEER
#define TIOCGPTPEER _IO('T', 0x41)
#endif

int main(void)
{
    int m, s;
    open_pty(&m, &s);
    unsigned int n;
    CHECK_ERR(ioctl(s, TIOCGPTN, &n), ENOTTY);
    int lock = 1;
    CHECK_ERR(ioctl(s, TIOCSPTLCK, &lock), ENOTTY);
    CHECK_ERR(ioctl(m, TCFLSH, 7), EINVAL);
    CHECK_OK(ioctl(m, TCFLSH, TCIOFLUSH));
    CHECK_ERR(ioctl(m, TIOCGPTN, BAD_PTR), EFAULT);
    int peer = CHECK_OK(ioctl(m, TIOCGPTPEER, O_RDWR | O_NOCTTY));
    CHECK(isatty(peer));
    CHECK_OK(ioctl(m, TIOCSPTLCK, &lock));
    CHECK_ERR(ioctl(m, TIOCGPTPEER, O_RDWR | O_NOCTTY), EIO);
    const char *path = tmp_path("pty");
    make_file(path, "x", 1);
    int fd = CHECK_OK(open(path, O_RDWR));
    CHECK_ERR(ioctl(fd, TIOCGPTN, &n), ENOTTY);
    CHECK(ptsname(fd) == NULL);
    CHECK(isatty(fd) == 0);
    close(fd);
    return 0;
}
