/* guest-test: libc=glibc */
/* A million open/close cycles: each open gets the lowest free descriptor,
 * and afterwards the descriptor table is as it was: the same entries
 * under /proc/self/fd, and the next open gets the same number again. */
#include "guest.h"
#include <dirent.h>

#define CYCLES 1000000

static int count_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    struct dirent *e;
    int n = 0;

    CHECK(d != NULL);
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            n++;
    closedir(d);
    return n - 1;       /* the DIR's own descriptor */
}

int main(void)
{
    const char *path = shm_path("oc");
    int before, first, fd, i;

    make_file(path, "x", 1);
    before = count_fds();
    first = CHECK_OK(open(path, O_RDONLY));
    CHECK_OK(close(first));
    for (i = 0; i < CYCLES; i++) {
        fd = open(path, (i & 1) ? O_RDONLY : O_RDWR | O_CLOEXEC);
        if (fd != first)
            FAIL("cycle %d: open gave %d, want %d (errno %d)", i, fd, first, errno);
        if (close(fd) != 0)
            FAIL("cycle %d: close: errno %d", i, errno);
    }
    CHECK(count_fds() == before);
    fd = CHECK_OK(open(path, O_RDONLY));
    CHECK(fd == first);
    CHECK_OK(close(fd));
    CHECK_ERR(close(fd), EBADF);
    return 0;
}
