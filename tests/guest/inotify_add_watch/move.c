/* rename reports IN_MOVED_FROM in the old directory and IN_MOVED_TO in the new one,
 * with one cookie, and IN_MOVE_SELF on the object; chmod reports IN_ATTRIB. */
#include "guest.h"
#include <sys/inotify.h>

int main(void)
{
    const char *a = tmp_path("inotify-mva"), *b = tmp_path("inotify-mvb");
    CHECK_OK(mkdir(a, 0755));
    CHECK_OK(mkdir(b, 0755));
    const char *f = tmp_path_in(a, "f"), *g = tmp_path_in(b, "g");
    make_file(f, "x", 1);
    int fd = inotify_init1(IN_NONBLOCK);
    int wa = inotify_add_watch(fd, a, IN_MOVED_FROM | IN_ATTRIB);
    int wb = inotify_add_watch(fd, b, IN_MOVED_TO);
    int wf = inotify_add_watch(fd, f, IN_MOVE_SELF | IN_ATTRIB);
    CHECK(wa >= 1 && wb >= 1 && wf >= 1);
    CHECK_OK(chmod(f, 0600));
    CHECK_OK(rename(f, g));
    static char buf[4096];
    ssize_t n = read(fd, buf, sizeof buf);
    CHECK(n > 0);
    int seen_from = 0, seen_to = 0, seen_self = 0, attrib = 0;
    uint32_t cookie_from = 0, cookie_to = 1;
    for (ssize_t at = 0; at < n;) {
        const struct inotify_event *e = (const void *)(buf + at);
        if (e->wd == wa && e->mask == IN_MOVED_FROM && strcmp(e->name, "f") == 0)
            seen_from = 1, cookie_from = e->cookie;
        if (e->wd == wb && e->mask == IN_MOVED_TO && strcmp(e->name, "g") == 0)
            seen_to = 1, cookie_to = e->cookie;
        if (e->wd == wf && e->mask == IN_MOVE_SELF)
            seen_self = 1;
        if ((e->wd == wf || e->wd == wa) && e->mask == IN_ATTRIB)
            attrib++;
        at += (ssize_t)(sizeof(*e) + e->len);
    }
    CHECK(seen_from && seen_to && seen_self && attrib == 2);
    CHECK(cookie_from == cookie_to && cookie_from != 0);
    return 0;
}
