/* msync(2): a shared file mapping synced with MS_SYNC or MS_ASYNC is what
 * read(2) sees; bad flags, MS_ASYNC|MS_SYNC and an unaligned start are
 * EINVAL; a range with an unmapped part is ENOMEM; an empty range is 0. */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    const char *path = tmp_path("msync");
    char buf[8];
    int fd;
    char *p;

    make_file(path, "abcdefgh", 8);
    fd = CHECK_OK(open(path, O_RDWR));
    p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(p != MAP_FAILED);
    memcpy(p, "XY", 2);
    CHECK_OK(msync(p, 4096, MS_SYNC));
    CHECK(pread(fd, buf, 8, 0) == 8 && memcmp(buf, "XYcdefgh", 8) == 0);
    p[7] = 'Z';
    CHECK_OK(msync(p, 1, MS_ASYNC | MS_INVALIDATE));
    CHECK(pread(fd, buf, 8, 0) == 8 && buf[7] == 'Z');
    CHECK_OK(msync(p, 8192, MS_SYNC));      /* past EOF, still mapped */
    CHECK_OK(msync(p, 0, MS_SYNC));
    CHECK_ERR(msync(p, 4096, MS_SYNC | MS_ASYNC), EINVAL);
    CHECK_ERR(msync(p, 4096, 0x80), EINVAL);
    CHECK_ERR(msync(p + 1, 4096, MS_SYNC), EINVAL);
    CHECK_OK(munmap(p + 4096, 4096));
    CHECK_ERR(msync(p, 8192, MS_SYNC), ENOMEM);
    CHECK_OK(munmap(p, 4096));
    CHECK_ERR(msync(p, 4096, MS_SYNC), ENOMEM);
    close(fd);
    return 0;
}
