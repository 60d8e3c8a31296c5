/* read returns the bytes write stored, in order, then 0 at end of file. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("read");
    int fd = CHECK_OK(open(path, O_RDWR | O_CREAT | O_TRUNC, 0644));
    CHECK(write(fd, "hello, world", 12) == 12);
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    char buf[32] = {0};
    CHECK(read(fd, buf, 5) == 5);
    CHECK(memcmp(buf, "hello", 5) == 0);
    CHECK(read(fd, buf, sizeof buf) == 7);
    CHECK(memcmp(buf, ", world", 7) == 0);
    CHECK(read(fd, buf, sizeof buf) == 0);
    close(fd);
    return 0;
}
