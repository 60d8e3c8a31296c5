/* pwritev2 with RWF_APPEND writes at the end whatever the offset; RWF_NOAPPEND
 * writes at the offset even on an O_APPEND descriptor; offset -1 writes at the file
 * position and moves it. */
#include "guest.h"
#include <sys/uio.h>

#ifndef RWF_APPEND
#define RWF_APPEND 0x10
#endif
#define RWF_NOAPPEND_ 0x20

int main(void)
{
    const char *f = shm_path("pwritev2-append");
    make_file(f, "0123456789", 10);
    int fd = CHECK_OK(open(f, O_RDWR));
    struct iovec iov = { "AB", 2 };
    CHECK(syscall(SYS_pwritev2, fd, &iov, 1, 0L, 0L, RWF_APPEND) == 2);
    CHECK(syscall(SYS_pwritev2, fd, &iov, 1, -1L, 0L, 0) == 2);
    CHECK(lseek(fd, 0, SEEK_CUR) == 2);
    int ap = CHECK_OK(open(f, O_WRONLY | O_APPEND));
    struct iovec iov2 = { "z", 1 };
    CHECK(syscall(SYS_pwritev2, ap, &iov2, 1, 5L, 0L, RWF_NOAPPEND_) == 1);
    char buf[16] = { 0 };
    CHECK(pread(fd, buf, sizeof buf, 0) == 12);
    CHECK(memcmp(buf, "AB234z6789AB", 12) == 0);
    close(fd);
    close(ap);
    return 0;
}
