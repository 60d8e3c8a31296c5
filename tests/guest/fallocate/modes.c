/* fallocate on tmpfs: mode 0 allocates and grows the file, FALLOC_FL_KEEP_SIZE
 * allocates blocks past the end without growing it, FALLOC_FL_PUNCH_HOLE (with
 * KEEP_SIZE) frees whole pages and zeroes the partial ones; all move the mtime. */
#include "guest.h"

int main(void)
{
    const char *f = shm_path("fallocate-modes");
    int fd = CHECK_OK(open(f, O_RDWR | O_CREAT, 0644));
    CHECK_OK(fallocate(fd, 0, 0, 3 * 4096));
    struct stat st;
    CHECK_OK(fstat(fd, &st));
    CHECK(st.st_size == 3 * 4096 && st.st_blocks == 3 * 8);
    CHECK_OK(fallocate(fd, FALLOC_FL_KEEP_SIZE, 3 * 4096, 2 * 4096));
    CHECK_OK(fstat(fd, &st));
    CHECK(st.st_size == 3 * 4096 && st.st_blocks == 5 * 8);
    char buf[3 * 4096];
    memset(buf, 'x', sizeof buf);
    CHECK(pwrite(fd, buf, sizeof buf, 0) == (ssize_t)sizeof buf);
    struct timespec ts[2] = { { 1000, 0 }, { 1000, 0 } };
    CHECK_OK(futimens(fd, ts));
    CHECK_OK(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 100, 2 * 4096));
    CHECK_OK(fstat(fd, &st));
    CHECK(st.st_size == 3 * 4096 && st.st_blocks == 4 * 8 && st.st_mtime > 1000);
    CHECK(pread(fd, buf, sizeof buf, 0) == (ssize_t)sizeof buf);
    for (int i = 0; i < 3 * 4096; i++)
        CHECK(buf[i] == ((i >= 100 && i < 100 + 2 * 4096) ? 0 : 'x'));
    close(fd);
    return 0;
}
