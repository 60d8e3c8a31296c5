/* Files without a poll operation -- a regular file, /dev/null, /dev/zero
 * -- are always readable and writable (DEFAULT_POLLMASK), and report only
 * the events asked for. */
#include "guest.h"
#include <poll.h>

int main(void)
{
    const char *path = tmp_path("pollreg");
    struct pollfd fds[3];

    make_file(path, "abc", 3);
    fds[0] = (struct pollfd){ .fd = CHECK_OK(open(path, O_RDWR)),
                              .events = POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM | POLLPRI };
    fds[1] = (struct pollfd){ .fd = CHECK_OK(open("/dev/null", O_RDWR)), .events = POLLIN };
    fds[2] = (struct pollfd){ .fd = CHECK_OK(open("/dev/zero", O_RDONLY)), .events = POLLOUT };
    CHECK(CHECK_OK(poll(fds, 3, -1)) == 3);
    CHECK(fds[0].revents == (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM));
    CHECK(fds[1].revents == POLLIN);
    CHECK(fds[2].revents == POLLOUT);
    return 0;
}
