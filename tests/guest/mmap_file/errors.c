/* mmap of files answers as Linux: EBADF for a closed descriptor, EACCES for a shared
 * writable map of a read-only file or any map of a write-only one, ENODEV for a
 * directory or a pipe, EINVAL for an unaligned offset; mprotect cannot make a shared
 * read-only file map writable (EACCES); touching past the end is SIGBUS; /dev/zero
 * gives zeroed memory. */
#include "guest.h"
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>

static sigjmp_buf jb;
static volatile int bus;

static void on_bus(int sig)
{
    (void)sig;
    bus = 1;
    siglongjmp(jb, 1);
}

int main(void)
{
    const char *path = tmp_path("mmaperr");
    make_file(path, "hello", 5);
    int ro = open(path, O_RDONLY), wo = open(path, O_WRONLY);
    CHECK(ro >= 0 && wo >= 0);
    CHECK(mmap(NULL, 4096, PROT_READ, MAP_SHARED, closed_fd(), 0) == MAP_FAILED &&
          errno == EBADF);
    CHECK(mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0) == MAP_FAILED &&
          errno == EACCES);
    CHECK(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, wo, 0) == MAP_FAILED &&
          errno == EACCES);
    CHECK(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, ro, 100) == MAP_FAILED &&
          errno == EINVAL);
    int dir = open("/", O_RDONLY | O_DIRECTORY);
    CHECK(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, dir, 0) == MAP_FAILED &&
          errno == ENODEV);
    int pfd[2];
    CHECK_OK(pipe(pfd));
    CHECK(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, pfd[0], 0) == MAP_FAILED &&
          errno == ENODEV);
    char *m = mmap(NULL, 8192, PROT_READ, MAP_SHARED, ro, 0);
    CHECK(m != MAP_FAILED);
    CHECK(memcmp(m, "hello", 5) == 0 && m[5] == 0 && m[4095] == 0);
    CHECK_ERR(mprotect(m, 4096, PROT_READ | PROT_WRITE), EACCES);
    signal(SIGBUS, on_bus);
    if (sigsetjmp(jb, 1) == 0) {
        volatile char c = m[4096];
        (void)c;
    }
    CHECK(bus);
    int z = open("/dev/zero", O_RDWR);
    char *zm = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, z, 0);
    CHECK(zm != MAP_FAILED && zm[0] == 0 && zm[4095] == 0);
    zm[0] = 1;
    char c;
    CHECK(read(z, &c, 1) == 1 && c == 0);
    return 0;
}
