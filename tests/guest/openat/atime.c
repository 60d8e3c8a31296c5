/* Reads move the atime under relatime: only when it is not after the mtime (or
 * ctime), so a second read leaves it; O_NOATIME leaves it always; getdents moves a
 * directory's the same way. */
#include "guest.h"

static time_t atime_of(const char *p)
{
    struct stat st;
    CHECK_OK(stat(p, &st));
    return st.st_atime;
}

int main(void)
{
    const char *f = tmp_path("atime");
    make_file(f, "x", 1);
    struct timespec ts[2] = { { 1000, 0 }, { 2000, 0 } };
    CHECK_OK(utimensat(AT_FDCWD, f, ts, 0));
    char c;
    int na = CHECK_OK(open(f, O_RDONLY | O_NOATIME));
    CHECK(read(na, &c, 1) == 1);
    CHECK(atime_of(f) == 1000);
    int fd = CHECK_OK(open(f, O_RDONLY));
    CHECK(read(fd, &c, 1) == 1);
    time_t t = atime_of(f);
    CHECK(t > 2000);
    struct timespec later[2] = { { t + 100, 0 }, { 2000, 0 } };
    CHECK_OK(utimensat(AT_FDCWD, f, later, 0));
    CHECK(pread(fd, &c, 1, 0) == 1);
    CHECK(atime_of(f) == t + 100);
    const char *d = tmp_path("atime-d");
    CHECK_OK(mkdir(d, 0755));
    CHECK_OK(utimensat(AT_FDCWD, d, ts, 0));
    int dfd = CHECK_OK(open(d, O_RDONLY | O_DIRECTORY));
    char buf[256];
    CHECK(syscall(SYS_getdents64, dfd, buf, sizeof buf) > 0);
    CHECK(atime_of(d) > 2000);
    close(dfd);
    close(fd);
    close(na);
    return 0;
}
