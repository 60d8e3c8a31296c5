/* Terminal ioctls (TCGETS, TIOCGWINSZ, TIOCGPGRP) on a regular file or a directory fail
 * with ENOTTY. */
#include "guest.h"
#include <sys/ioctl.h>
#include <termios.h>

int main(void)
{
    const char *path = tmp_path("ioctl");
    make_file(path, "x", 1);
    int fd = CHECK_OK(open(path, O_RDWR));
    struct termios t;
    struct winsize ws;
    int pgrp;
    CHECK_ERR(ioctl(fd, TCGETS, &t), ENOTTY);
    CHECK_ERR(ioctl(fd, TIOCGWINSZ, &ws), ENOTTY);
    CHECK_ERR(ioctl(fd, TIOCGPGRP, &pgrp), ENOTTY);
    CHECK(isatty(fd) == 0);
    close(fd);
    int dfd = CHECK_OK(open("/", O_RDONLY | O_DIRECTORY));
    CHECK_ERR(ioctl(dfd, TCGETS, &t), ENOTTY);
    close(dfd);
    return 0;
}
