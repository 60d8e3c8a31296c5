/* /proc/self/fd/N names an open file by its path, opens that same file, and still
 * reaches it after its name is removed (then the text ends in " (deleted)");
 * fdinfo/N shows the offset and flags. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("procfd");
    make_file(path, "contents", 8);
    int fd = open(path, O_RDWR);
    CHECK(fd >= 0);
    char link[64], buf[256];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, buf, sizeof buf - 1);
    CHECK(n > 0);
    buf[n] = '\0';
    CHECK(strcmp(buf, path) == 0);
    struct stat a, b;
    CHECK_OK(fstat(fd, &a));
    CHECK_OK(stat(link, &b));
    CHECK(a.st_ino == b.st_ino && a.st_dev == b.st_dev);
    CHECK(lseek(fd, 3, SEEK_SET) == 3);
    char info[64];
    snprintf(info, sizeof info, "/proc/self/fdinfo/%d", fd);
    int ifd = open(info, O_RDONLY);
    CHECK(ifd >= 0);
    n = read(ifd, buf, sizeof buf - 1);
    CHECK(n > 0);
    buf[n] = '\0';
    CHECK(strncmp(buf, "pos:\t3\nflags:\t", 14) == 0);
    close(ifd);
    CHECK_OK(unlink(path));
    n = readlink(link, buf, sizeof buf - 1);
    CHECK(n > 0);
    buf[n] = '\0';
    char want[256];
    snprintf(want, sizeof want, "%s (deleted)", path);
    CHECK(strcmp(buf, want) == 0);
    int again = open(link, O_RDONLY);
    CHECK(again >= 0);
    CHECK(read(again, buf, 8) == 8 && memcmp(buf, "contents", 8) == 0);
    close(again);
    CHECK_ERR(readlink("/proc/self/fd/987", buf, sizeof buf), ENOENT);
    return 0;
}
