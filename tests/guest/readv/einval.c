/* readv with a negative count or more than IOV_MAX (1024) vectors fails with EINVAL. */
#include "guest.h"
#include <sys/uio.h>

int main(void)
{
    const char *path = tmp_path("readv-einval");
    make_file(path, "abc", 3);
    int fd = CHECK_OK(open(path, O_RDONLY));
    static struct iovec iov[1025];
    char buf[1];
    for (int i = 0; i < 1025; i++)
        iov[i] = (struct iovec){buf, 1};
    CHECK_ERR(syscall(SYS_readv, fd, iov, -1), EINVAL);
    CHECK_ERR(syscall(SYS_readv, fd, iov, 1025), EINVAL);
    close(fd);
    return 0;
}
