/* A read of a file into a buffer with an unmapped page in the middle stops where the
 * buffer does: it returns every byte that fit before the hole (not EFAULT), they are
 * the file's, and the file position moved by exactly that many.  The next read goes
 * on from there. */
#include "guest.h"
#include <sys/mman.h>

#define PG 4096
#define FILE_PAGES 5

static unsigned char pattern(size_t i)
{
    return (unsigned char)(i * 7 + i / PG);
}

int main(void)
{
    static unsigned char data[FILE_PAGES * PG];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = pattern(i);
    const char *path = tmp_path("read-short");
    make_file(path, data, sizeof data);

    unsigned char *buf = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(buf != MAP_FAILED);
    CHECK_OK(munmap(buf + 2 * PG, PG));

    int fd = CHECK_OK(open(path, O_RDONLY));
    CHECK(lseek(fd, 100, SEEK_SET) == 100);
    /* Into buf + 50: 2 * PG - 50 bytes fit before the hole at buf + 2 * PG. */
    long n = syscall(SYS_read, fd, buf + 50, 3 * PG);
    if (n != 2 * PG - 50)
        FAIL("read returned %ld, wanted %d", n, 2 * PG - 50);
    for (long i = 0; i < n; i++)
        if (buf[50 + i] != pattern(100 + (size_t)i))
            FAIL("byte %ld differs", i);
    CHECK(lseek(fd, 0, SEEK_CUR) == 100 + n);

    /* Nothing fits before the hole: EFAULT, and the position stays. */
    CHECK_ERR(syscall(SYS_read, fd, buf + 2 * PG, PG), EFAULT);
    CHECK(lseek(fd, 0, SEEK_CUR) == 100 + n);

    unsigned char rest[FILE_PAGES * PG];
    size_t want = sizeof data - 100 - (size_t)n;
    CHECK(read(fd, rest, sizeof rest) == (ssize_t)want);
    CHECK(memcmp(rest, data + 100 + n, want) == 0);
    close(fd);
    return 0;
}
