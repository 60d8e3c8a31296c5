/* truncate shrinks (data past the end is gone: growing again reads zeros) and
 * grows a file; the mtime and ctime move even when the size stays. */
#include "guest.h"

int main(void)
{
    const char *f = tmp_path("truncate-size");
    make_file(f, "0123456789", 10);
    CHECK_OK(truncate(f, 4));
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK(st.st_size == 4);
    CHECK_OK(truncate(f, 8192));
    CHECK_OK(stat(f, &st));
    CHECK(st.st_size == 8192);
    char buf[10];
    int fd = CHECK_OK(open(f, O_RDONLY));
    CHECK(read(fd, buf, 10) == 10);
    CHECK(memcmp(buf, "0123\0\0\0\0\0\0", 10) == 0);
    close(fd);
    struct timespec ts[2] = { { 1000, 0 }, { 1000, 0 } };
    CHECK_OK(utimensat(AT_FDCWD, f, ts, 0));
    CHECK_OK(truncate(f, 8192));
    CHECK_OK(stat(f, &st));
    CHECK(st.st_mtime > 1000 && st.st_ctime > 1000 && st.st_atime == 1000);
    return 0;
}
