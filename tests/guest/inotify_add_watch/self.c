/* A watch on a file sees its own events without a name; its removal gives
 * IN_DELETE_SELF then IN_IGNORED (the watch is gone); inotify_rm_watch gives
 * IN_IGNORED; IN_ONESHOT ends after one event; a second add on the same file gives the
 * same wd, and IN_MASK_CREATE then EEXIST. */
#include "guest.h"
#include <sys/inotify.h>

static uint32_t read_masks(int fd, int *wds, uint32_t *masks, int max)
{
    static char buf[4096];
    ssize_t n = read(fd, buf, sizeof buf);
    int k = 0;
    for (ssize_t at = 0; n > 0 && at < n && k < max;) {
        const struct inotify_event *e = (const void *)(buf + at);
        wds[k] = e->wd;
        masks[k++] = e->mask;
        at += (ssize_t)(sizeof(*e) + e->len);
    }
    return (uint32_t)k;
}

int main(void)
{
    const char *file = tmp_path("inotify-self");
    make_file(file, "x", 1);
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    CHECK(fd >= 0);
    CHECK((fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
    int wd = inotify_add_watch(fd, file, IN_MODIFY | IN_DELETE_SELF | IN_ATTRIB);
    CHECK(wd >= 1);
    CHECK(inotify_add_watch(fd, file, IN_MODIFY) == wd);
    CHECK(inotify_add_watch(fd, file, IN_MODIFY | IN_MASK_CREATE) < 0 && errno == EEXIST);
    CHECK(inotify_add_watch(fd, file, IN_MODIFY | IN_DELETE_SELF) == wd);
    int f = open(file, O_WRONLY | O_APPEND);
    CHECK(f >= 0 && write(f, "y", 1) == 1);
    CHECK_OK(close(f));
    CHECK_OK(unlink(file));
    int wds[8];
    uint32_t masks[8];
    CHECK(read_masks(fd, wds, masks, 8) == 3);
    CHECK(wds[0] == wd && masks[0] == IN_MODIFY);
    CHECK(wds[1] == wd && masks[1] == IN_DELETE_SELF);
    CHECK(wds[2] == wd && masks[2] == IN_IGNORED);
    CHECK(inotify_rm_watch(fd, wd) < 0 && errno == EINVAL);
    /* rm_watch, and a one-shot watch. */
    const char *dir = tmp_path("inotify-dir");
    CHECK_OK(mkdir(dir, 0755));
    int w2 = inotify_add_watch(fd, dir, IN_CREATE | IN_ONESHOT);
    CHECK(w2 > wd);
    const char *a = tmp_path_in(dir, "a"), *b = tmp_path_in(dir, "b");
    make_file(a, "", 0);
    make_file(b, "", 0);
    CHECK(read_masks(fd, wds, masks, 8) == 2);
    CHECK(wds[0] == w2 && masks[0] == IN_CREATE && masks[1] == IN_IGNORED);
    int w3 = inotify_add_watch(fd, dir, IN_DELETE);
    CHECK_OK(inotify_rm_watch(fd, w3));
    CHECK(read_masks(fd, wds, masks, 8) == 1 && wds[0] == w3 && masks[0] == IN_IGNORED);
    return 0;
}
