/* guest-test: trellis-only libc=glibc */
/* The kernel heap does not grow with work that frees what it takes: a
 * million open/close cycles on a tmpfs file, then pipes, dups, stats and
 * anonymous mappings by the thousand leave /proc/meminfo's Slab (Trellis's
 * kernel heap) where it was after a warm-up.  Trellis-only: on Linux the
 * slab belongs to the whole machine and moves with everything else. */
#include "guest.h"
#include <sys/mman.h>

#define CYCLES 1000000

static long slab_kb(void)
{
    char buf[4096];
    int fd = CHECK_OK(open("/proc/meminfo", O_RDONLY));
    ssize_t n = CHECK_OK(read(fd, buf, sizeof buf - 1));
    char *p;

    close(fd);
    buf[n] = '\0';
    p = strstr(buf, "\nSlab:");
    CHECK(p != NULL);
    return strtol(p + 6, NULL, 10);
}

static void work(const char *path, int rounds, int cycles)
{
    struct stat st;
    int fd, p[2];

    for (int i = 0; i < cycles; i++) {
        fd = open(path, O_RDWR);
        if (fd < 0 || close(fd) != 0)
            FAIL("cycle %d: errno %d", i, errno);
    }
    for (int i = 0; i < rounds; i++) {
        CHECK_OK(pipe2(p, O_CLOEXEC));
        CHECK_OK(write(p[1], "x", 1));
        fd = CHECK_OK(dup(p[0]));
        CHECK_OK(close(p[0]));
        CHECK_OK(close(p[1]));
        CHECK_OK(close(fd));
        CHECK_OK(stat(path, &st));
        char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        CHECK(m != MAP_FAILED);
        m[0] = m[4096] = 1;
        CHECK_OK(munmap(m, 8192));
    }
}

int main(void)
{
    const char *path = tmp_path("heap");
    long before, after;

    make_file(path, "x", 1);
    work(path, 1000, 1000);         /* warm-up: tables reach their size */
    before = slab_kb();
    CHECK(before > 0);
    work(path, 10000, CYCLES);
    after = slab_kb();
    if (after > before + 64)
        FAIL("kernel heap grew from %ld kB to %ld kB", before, after);
    return 0;
}
