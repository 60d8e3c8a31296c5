/* readv fills its buffers in order and returns the total. */
#include "guest.h"
#include <sys/uio.h>

int main(void)
{
    const char *path = tmp_path("readv");
    make_file(path, "abcdefghij", 10);
    int fd = CHECK_OK(open(path, O_RDONLY));
    char a[3], b[1], c[10];
    struct iovec iov[4] = {{a, sizeof a}, {NULL, 0}, {b, sizeof b}, {c, sizeof c}};
    CHECK(readv(fd, iov, 4) == 10);
    CHECK(memcmp(a, "abc", 3) == 0);
    CHECK(b[0] == 'd');
    CHECK(memcmp(c, "efghij", 6) == 0);
    CHECK(readv(fd, iov, 4) == 0);
    close(fd);
    return 0;
}
