/* inotify's errors: init1 with unknown flags EINVAL; add_watch on a non-inotify fd
 * EINVAL, on a bad fd EBADF, with no events EINVAL, IN_MASK_ADD with IN_MASK_CREATE
 * EINVAL, IN_ONLYDIR on a file ENOTDIR, a missing path ENOENT; a read buffer smaller
 * than the next event EINVAL; FIONREAD counts the bytes waiting. */
#include "guest.h"
#include <sys/inotify.h>
#include <sys/ioctl.h>

int main(void)
{
    CHECK(inotify_init1(0x1) < 0 && errno == EINVAL);
    int fd = inotify_init();
    CHECK(fd >= 0);
    const char *file = tmp_path("inotify-err");
    make_file(file, "x", 1);
    int plain = open(file, O_RDONLY);
    CHECK(inotify_add_watch(plain, file, IN_MODIFY) < 0 && errno == EINVAL);
    CHECK(inotify_add_watch(closed_fd(), file, IN_MODIFY) < 0 && errno == EBADF);
    CHECK(inotify_add_watch(fd, file, 0) < 0 && errno == EINVAL);
    CHECK(inotify_add_watch(fd, file, IN_MODIFY | IN_MASK_ADD | IN_MASK_CREATE) < 0 &&
          errno == EINVAL);
    CHECK(inotify_add_watch(fd, file, IN_MODIFY | IN_ONLYDIR) < 0 && errno == ENOTDIR);
    CHECK(inotify_add_watch(fd, "/nonexistent-trellis", IN_MODIFY) < 0 &&
          errno == ENOENT);
    int wd = inotify_add_watch(fd, "/tmp", IN_CREATE);
    CHECK(wd >= 1);
    const char *made = tmp_path("inotify-made");
    make_file(made, "", 0);
    int n = -1;
    CHECK_OK(ioctl(fd, FIONREAD, &n));
    CHECK(n >= (int)sizeof(struct inotify_event) + 16);
    char small[8];
    CHECK(read(fd, small, sizeof small) < 0 && errno == EINVAL);
    return 0;
}
