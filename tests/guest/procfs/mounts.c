/* /proc/self/mounts and /proc/mounts list proc on /proc; mountinfo's lines start
 * with two ids and a major:minor; a new mount appears in both and goes with umount. */
#include "guest.h"
#include <sys/mount.h>

static int has_line(const char *path, const char *needle)
{
    static char buf[1 << 16];
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        FAIL("open %s: %s", path, strerror(errno));
    size_t len = 0;
    ssize_t n;
    while ((n = read(fd, buf + len, sizeof buf - 1 - len)) > 0)
        len += (size_t)n;
    buf[len] = '\0';
    close(fd);
    return strstr(buf, needle) != NULL;
}

int main(void)
{
    private_mounts();
    CHECK(has_line("/proc/self/mounts", " /proc proc "));
    CHECK(has_line("/proc/mounts", " /proc proc "));
    const char *dir = tmp_path("procmnt");
    CHECK_OK(mkdir(dir, 0755));
    CHECK_OK(mount("trellistest", dir, "tmpfs", MS_NOSUID, "size=1m"));
    char line[256];
    snprintf(line, sizeof line, "trellistest %s tmpfs rw,nosuid", dir);
    CHECK(has_line("/proc/self/mounts", line));
    snprintf(line, sizeof line, " / %s rw,nosuid", dir);
    CHECK(has_line("/proc/self/mountinfo", line));
    CHECK(has_line("/proc/self/mountinfo", " - tmpfs trellistest rw"));
    CHECK_OK(umount(dir));
    snprintf(line, sizeof line, "trellistest %s ", dir);
    CHECK(!has_line("/proc/self/mounts", line));
    return 0;
}
