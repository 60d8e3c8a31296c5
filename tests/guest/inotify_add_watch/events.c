/* A watch on a directory reports, in order, with names padded to 16 bytes: a file
 * created in it, opened, written, closed after writing, opened and read, closed
 * without writing, removed; a subdirectory's creation carries IN_ISDIR. */
#include "guest.h"
#include <sys/inotify.h>

static char buf[8192];
static size_t len, at;

static const struct inotify_event *next_event(int fd)
{
    if (at >= len) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0)
            FAIL("read: %zd (%s)", n, strerror(errno));
        len = (size_t)n;
        at = 0;
    }
    const struct inotify_event *e = (const void *)(buf + at);
    at += sizeof(*e) + e->len;
    return e;
}

static void expect(int fd, int wd, uint32_t mask, const char *name)
{
    const struct inotify_event *e = next_event(fd);
    if (e->wd != wd || e->mask != mask)
        FAIL("event wd %d mask %#x, wanted %d %#x", e->wd, e->mask, wd, mask);
    if (name == NULL ? e->len != 0 : (e->len % 16 != 0 || strcmp(e->name, name) != 0))
        FAIL("event name len %u '%s', wanted '%s'", e->len, e->len ? e->name : "",
             name ? name : "");
}

int main(void)
{
    const char *dir = tmp_path("inotify");
    CHECK_OK(mkdir(dir, 0755));
    int fd = inotify_init1(IN_NONBLOCK);
    CHECK(fd >= 0);
    int wd = inotify_add_watch(fd, dir, IN_ALL_EVENTS);
    CHECK(wd >= 1);
    CHECK(read(fd, buf, sizeof buf) < 0 && errno == EAGAIN);
    const char *file = tmp_path_in(dir, "f");
    int f = open(file, O_WRONLY | O_CREAT, 0644);
    CHECK(f >= 0);
    CHECK(write(f, "x", 1) == 1);
    CHECK_OK(close(f));
    f = open(file, O_RDONLY);
    char c;
    CHECK(f >= 0 && read(f, &c, 1) == 1);
    CHECK_OK(close(f));
    CHECK_OK(unlink(file));
    const char *sub = tmp_path_in(dir, "sub");
    CHECK_OK(mkdir(sub, 0755));
    CHECK_OK(rmdir(sub));
    expect(fd, wd, IN_CREATE, "f");
    expect(fd, wd, IN_OPEN, "f");
    expect(fd, wd, IN_MODIFY, "f");
    expect(fd, wd, IN_CLOSE_WRITE, "f");
    expect(fd, wd, IN_OPEN, "f");
    expect(fd, wd, IN_ACCESS, "f");
    expect(fd, wd, IN_CLOSE_NOWRITE, "f");
    expect(fd, wd, IN_DELETE, "f");
    expect(fd, wd, IN_CREATE | IN_ISDIR, "sub");
    expect(fd, wd, IN_DELETE | IN_ISDIR, "sub");
    CHECK(at == len && read(fd, buf, sizeof buf) < 0 && errno == EAGAIN);
    return 0;
}
