/* read of a file into a shared mapping of the same file: the copy faults the
 * mapping's pages in from the file it is reading, and the bytes land in the file. */
#include "guest.h"
#include <sys/mman.h>

#define PG 4096

int main(void)
{
    static unsigned char data[4 * PG];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (unsigned char)(i % 251);
    const char *path = tmp_path("read-own-map");
    make_file(path, data, sizeof data);

    int fd = CHECK_OK(open(path, O_RDWR));
    unsigned char *map = mmap(NULL, sizeof data, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(map != MAP_FAILED);
    /* Bytes 10 to the end of page 1 over the start of page 2, through the mapping. */
    CHECK(lseek(fd, 10, SEEK_SET) == 10);
    CHECK(read(fd, map + 2 * PG, 2 * PG - 10) == 2 * PG - 10);
    CHECK(lseek(fd, 0, SEEK_CUR) == 2 * PG);

    unsigned char got[4 * PG];
    CHECK(pread(fd, got, sizeof got, 0) == (ssize_t)sizeof got);
    CHECK(memcmp(got, data, 2 * PG) == 0);
    CHECK(memcmp(got + 2 * PG, data + 10, 2 * PG - 10) == 0);
    CHECK(memcmp(got + 4 * PG - 10, data + 4 * PG - 10, 10) == 0);
    CHECK(munmap(map, sizeof data) == 0);
    close(fd);
    return 0;
}
