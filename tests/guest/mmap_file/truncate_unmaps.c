/* A file that shrinks leaves its mappings: touching a page past the new
 * end is SIGBUS in a shared and in a private mapping (the private copy
 * goes too), and once the file grows again the mapping sees the file's
 * new page, so stores through it reach read(2).  O_TRUNC does the same,
 * and a punched hole reads as zeros through a mapping at once. */
#define _GNU_SOURCE
#include "guest.h"
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>

static sigjmp_buf env;

static void on_bus(int sig)
{
    (void)sig;
    siglongjmp(env, 1);
}

/* Whether reading *p raises SIGBUS. */
static int bus_on_read(volatile char *p)
{
    if (sigsetjmp(env, 1))
        return 1;
    (void)*p;
    return 0;
}

int main(void)
{
    const char *path = tmp_path("trunc");
    char buf[8192], c;
    int fd;
    char *p, *q;

    signal(SIGBUS, on_bus);
    memset(buf, 'a', sizeof buf);
    make_file(path, buf, sizeof buf);
    fd = CHECK_OK(open(path, O_RDWR));
    p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    q = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    CHECK(p != MAP_FAILED && q != MAP_FAILED);
    CHECK(p[4096] == 'a' && q[4096] == 'a');
    q[4097] = 'q';                      /* a private copy of page 1 */

    CHECK_OK(ftruncate(fd, 4096));
    CHECK(bus_on_read(p + 4096));
    CHECK(bus_on_read(q + 4096));
    CHECK(p[0] == 'a' && q[0] == 'a');

    CHECK_OK(ftruncate(fd, 8192));
    CHECK(p[4096] == 0 && q[4097] == 0);
    p[4096] = 'z';
    CHECK(pread(fd, &c, 1, 4096) == 1 && c == 'z');

    /* O_TRUNC: everything goes. */
    int fd2 = CHECK_OK(open(path, O_RDWR | O_TRUNC));
    CHECK(bus_on_read(p));
    CHECK_OK(ftruncate(fd2, 8192));
    close(fd2);
    CHECK(p[0] == 0);

    /* A punched hole reads as zeros through the mapping. */
    memset(buf, 'b', sizeof buf);
    CHECK(pwrite(fd, buf, sizeof buf, 0) == (ssize_t)sizeof buf);
    CHECK(p[0] == 'b' && p[4096] == 'b');
    CHECK_OK(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, 4096));
    CHECK(p[0] == 0 && p[4096] == 'b');
    p[1] = 'y';
    CHECK(pread(fd, &c, 1, 1) == 1 && c == 'y');
    CHECK_OK(munmap(p, 8192));
    CHECK_OK(munmap(q, 8192));
    close(fd);
    return 0;
}
