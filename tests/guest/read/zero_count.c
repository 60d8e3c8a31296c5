/* read of zero bytes returns 0 and leaves the file offset alone. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("read-zero");
    make_file(path, "abc", 3);
    int fd = CHECK_OK(open(path, O_RDONLY));
    char buf[4];
    CHECK(read(fd, buf, 0) == 0);
    CHECK(lseek(fd, 0, SEEK_CUR) == 0);
    close(fd);
    return 0;
}
