/* /proc/self/cmdline holds argv as NUL-separated strings, /proc/self/environ the
 * environment; a child that execs shows its new arguments. */
#include "guest.h"

extern char **environ;

static size_t read_all(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        FAIL("open %s: %s", path, strerror(errno));
    size_t len = 0;
    ssize_t n;
    while ((n = read(fd, buf + len, size - len)) > 0)
        len += (size_t)n;
    close(fd);
    return len;
}

int main(int argc, char **argv)
{
    static char buf[65536], want[65536];
    size_t len = read_all("/proc/self/cmdline", buf, sizeof buf), wl = 0;
    for (int i = 0; i < argc; i++) {
        size_t l = strlen(argv[i]) + 1;
        memcpy(want + wl, argv[i], l);
        wl += l;
    }
    CHECK(len == wl && memcmp(buf, want, wl) == 0);
    len = read_all("/proc/self/environ", buf, sizeof buf);
    if (environ[0] != NULL)
        CHECK(len > strlen(environ[0]) && strcmp(buf, environ[0]) == 0);
    /* Reading in small pieces gives the same bytes. */
    int fd = open("/proc/self/cmdline", O_RDONLY);
    CHECK(fd >= 0);
    char c;
    size_t got = 0;
    while (read(fd, &c, 1) == 1)
        CHECK(c == want[got++]);
    CHECK(got == wl);
    close(fd);
    return 0;
}
