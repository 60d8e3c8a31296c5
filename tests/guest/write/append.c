/* With O_APPEND every write lands at the end of the file, whatever the offset. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("write-append");
    make_file(path, "abc", 3);
    int fd = CHECK_OK(open(path, O_RDWR | O_APPEND));
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    CHECK(write(fd, "de", 2) == 2);
    CHECK(lseek(fd, 0, SEEK_CUR) == 5);
    char buf[8] = {0};
    CHECK(pread(fd, buf, sizeof buf, 0) == 5);
    CHECK(memcmp(buf, "abcde", 5) == 0);
    close(fd);
    return 0;
}
