/* lseek with SEEK_SET, SEEK_CUR and SEEK_END returns the new offset, and reads follow it. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("lseek");
    make_file(path, "0123456789", 10);
    int fd = CHECK_OK(open(path, O_RDONLY));
    char c;
    CHECK(lseek(fd, 4, SEEK_SET) == 4);
    CHECK(read(fd, &c, 1) == 1 && c == '4');
    CHECK(lseek(fd, 2, SEEK_CUR) == 7);
    CHECK(read(fd, &c, 1) == 1 && c == '7');
    CHECK(lseek(fd, -3, SEEK_CUR) == 5);
    CHECK(lseek(fd, -1, SEEK_END) == 9);
    CHECK(read(fd, &c, 1) == 1 && c == '9');
    CHECK(lseek(fd, 100, SEEK_END) == 110);
    CHECK(read(fd, &c, 1) == 0);
    close(fd);
    return 0;
}
