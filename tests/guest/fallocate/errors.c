/* fallocate's answers on tmpfs: offset < 0 or len <= 0 EINVAL; unknown or
 * unsupported modes EOPNOTSUPP (PUNCH_HOLE without KEEP_SIZE, ZERO_RANGE,
 * COLLAPSE_RANGE, INSERT_RANGE, UNSHARE_RANGE); a descriptor not open for writing
 * EBADF; a pipe ESPIPE; past the maximum file size EFBIG. */
#include "guest.h"

int main(void)
{
    const char *f = shm_path("fallocate-errors");
    int fd = CHECK_OK(open(f, O_RDWR | O_CREAT, 0644));
    CHECK_ERR(fallocate(fd, 0, -1, 10), EINVAL);
    CHECK_ERR(fallocate(fd, 0, 0, 0), EINVAL);
    CHECK_ERR(fallocate(fd, 0x100, -1, 0), EINVAL);
    CHECK_ERR(fallocate(fd, 0x100, 0, 10), EOPNOTSUPP);
    CHECK_ERR(fallocate(fd, FALLOC_FL_PUNCH_HOLE, 0, 10), EOPNOTSUPP);
    CHECK_ERR(fallocate(fd, FALLOC_FL_ZERO_RANGE, 0, 10), EOPNOTSUPP);
    CHECK_ERR(fallocate(fd, FALLOC_FL_COLLAPSE_RANGE, 0, 4096), EOPNOTSUPP);
    CHECK_ERR(fallocate(fd, FALLOC_FL_INSERT_RANGE, 0, 4096), EOPNOTSUPP);
    CHECK_ERR(fallocate(fd, FALLOC_FL_UNSHARE_RANGE, 0, 4096), EOPNOTSUPP);
    CHECK_ERR(fallocate(fd, 0, 0x7fffffffffffffffLL, 10), EFBIG);
    int ro = CHECK_OK(open(f, O_RDONLY));
    CHECK_ERR(fallocate(ro, 0, 0, 10), EBADF);
    CHECK_ERR(fallocate(ro, 0x100, 0, 10), EOPNOTSUPP);
    int p[2];
    CHECK_OK(pipe(p));
    CHECK_ERR(fallocate(p[1], 0, 0, 10), ESPIPE);
    CHECK_ERR(fallocate(closed_fd(), 0, 0, 10), EBADF);
    struct stat st;
    CHECK_OK(fstat(fd, &st));
    CHECK(st.st_size == 0);
    close(fd);
    close(ro);
    close(p[0]);
    close(p[1]);
    return 0;
}
