/* A write past the end of file extends it; the gap reads back as zeros. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("write-extends");
    int fd = CHECK_OK(open(path, O_RDWR | O_CREAT | O_TRUNC, 0644));
    CHECK(lseek(fd, 10000, SEEK_SET) == 10000);
    CHECK(write(fd, "end", 3) == 3);
    struct stat st;
    CHECK_OK(fstat(fd, &st));
    CHECK(st.st_size == 10003);
    static char buf[10003];
    CHECK(pread(fd, buf, sizeof buf, 0) == 10003);
    for (int i = 0; i < 10000; i++)
        if (buf[i] != 0)
            FAIL("byte %d of the gap is %d, not 0", i, buf[i]);
    CHECK(memcmp(buf + 10000, "end", 3) == 0);
    close(fd);
    return 0;
}
