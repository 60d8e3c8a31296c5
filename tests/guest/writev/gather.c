/* writev writes its buffers in order as one run of bytes and returns the total. */
#include "guest.h"
#include <sys/uio.h>

int main(void)
{
    const char *path = tmp_path("writev");
    int fd = CHECK_OK(open(path, O_RDWR | O_CREAT | O_TRUNC, 0644));
    struct iovec iov[4] = {{"ab", 2}, {NULL, 0}, {"cde", 3}, {"f", 1}};
    CHECK(writev(fd, iov, 4) == 6);
    char buf[8] = {0};
    CHECK(pread(fd, buf, sizeof buf, 0) == 6);
    CHECK(memcmp(buf, "abcdef", 6) == 0);
    close(fd);
    return 0;
}
