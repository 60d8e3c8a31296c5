/* pwrite writes at the given offset and does not move the file offset. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("pwrite");
    make_file(path, "0123456789", 10);
    int fd = CHECK_OK(open(path, O_RDWR));
    CHECK(pwrite(fd, "ab", 2, 3) == 2);
    CHECK(lseek(fd, 0, SEEK_CUR) == 0);
    char buf[11] = {0};
    CHECK(read(fd, buf, 10) == 10);
    CHECK(memcmp(buf, "012ab56789", 10) == 0);
    CHECK(pwrite(fd, "Z", 1, 12) == 1);
    struct stat st;
    CHECK_OK(fstat(fd, &st));
    CHECK(st.st_size == 13);
    close(fd);
    return 0;
}
