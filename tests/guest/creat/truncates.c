/* creat(2) is open(O_CREAT|O_WRONLY|O_TRUNC): it makes a file with mode & ~umask, empties
 * one that exists, and the descriptor is write-only.  GNU tar's child opens archives with
 * it. */
#include "guest.h"

int main(void)
{
    const char *path = tmp_path("creat");
    char c;
    struct stat st;

    umask(022);
    unlink(path);
    int fd = CHECK_OK((int)syscall(SYS_creat, path, 0666));
    CHECK(write(fd, "hello", 5) == 5);
    CHECK(read(fd, &c, 1) == -1 && errno == EBADF);
    CHECK_OK(fstat(fd, &st));
    CHECK((st.st_mode & 07777) == 0644 && st.st_size == 5);
    close(fd);
    fd = CHECK_OK((int)syscall(SYS_creat, path, 0600));
    CHECK_OK(fstat(fd, &st));
    CHECK(st.st_size == 0 && (st.st_mode & 07777) == 0644);   /* kept: it existed */
    close(fd);
    unlink(path);
    return 0;
}
