/* preadv2 and pwritev2 on tmpfs: offset -1 uses and moves the file position;
 * RWF_HIPRI, RWF_DSYNC and RWF_SYNC are accepted; RWF_NOWAIT (no FMODE_NOWAIT on
 * tmpfs files) and RWF_ATOMIC on a read are EOPNOTSUPP; RWF_APPEND with
 * RWF_NOAPPEND EINVAL; a zero-length request returns 0 before the flags are
 * looked at. */
#include "guest.h"
#include <sys/uio.h>

#ifndef RWF_HIPRI
#define RWF_HIPRI 0x01
#define RWF_DSYNC 0x02
#define RWF_SYNC 0x04
#define RWF_NOWAIT 0x08
#endif
#ifndef RWF_APPEND
#define RWF_APPEND 0x10
#endif
#define RWF_NOAPPEND_ 0x20
#define RWF_ATOMIC_ 0x40

int main(void)
{
    const char *f = shm_path("preadv2-flags");
    make_file(f, "0123456789", 10);
    int fd = CHECK_OK(open(f, O_RDWR));
    char a[4];
    struct iovec iov = { a, 4 };
    CHECK(syscall(SYS_preadv2, fd, &iov, 1, -1L, 0L, 0) == 4);
    CHECK(syscall(SYS_preadv2, fd, &iov, 1, -1L, 0L, RWF_HIPRI) == 4);
    CHECK(memcmp(a, "4567", 4) == 0 && lseek(fd, 0, SEEK_CUR) == 8);
    CHECK(syscall(SYS_preadv2, fd, &iov, 1, 1L, 0L, RWF_DSYNC | RWF_SYNC) == 4);
    CHECK(lseek(fd, 0, SEEK_CUR) == 8);
    CHECK_ERR(syscall(SYS_preadv2, fd, &iov, 1, 0L, 0L, RWF_NOWAIT), EOPNOTSUPP);
    CHECK_ERR(syscall(SYS_preadv2, fd, &iov, 1, 0L, 0L, RWF_ATOMIC_), EOPNOTSUPP);
    CHECK_ERR(syscall(SYS_pwritev2, fd, &iov, 1, 0L, 0L, RWF_APPEND | RWF_NOAPPEND_), EINVAL);
    CHECK(syscall(SYS_preadv2, fd, &iov, 0, 0L, 0L, 0x40000000) == 0);
    CHECK_ERR(syscall(SYS_preadv2, fd, &iov, 1, 0L, 0L, 0x40000000), EOPNOTSUPP);
    CHECK_ERR(syscall(SYS_preadv2, fd, &iov, 1, -2L, 0L, 0), EINVAL);
    CHECK_ERR(syscall(SYS_preadv2, closed_fd(), &iov, 1, 0L, 0L, 0), EBADF);
    close(fd);
    return 0;
}
