/* pread reads at the given offset and does not move the file offset. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("pread");
    make_file(path, "0123456789", 10);
    int fd = CHECK_OK(open(path, O_RDONLY));
    char buf[4] = {0};
    CHECK(pread(fd, buf, 3, 4) == 3);
    CHECK(memcmp(buf, "456", 3) == 0);
    CHECK(lseek(fd, 0, SEEK_CUR) == 0);
    CHECK(pread(fd, buf, 4, 8) == 2);
    CHECK(pread(fd, buf, 4, 10) == 0);
    CHECK(pread(fd, buf, 4, 1000) == 0);
    close(fd);
    return 0;
}
