/* RWF_NOWAIT on a pipe (at the file position, offset -1) does not wait: an empty
 * pipe is EAGAIN even on a blocking descriptor, and data is read as usual. */
#include "guest.h"
#include <sys/uio.h>

#ifndef RWF_NOWAIT
#define RWF_NOWAIT 0x08
#endif

int main(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    char buf[8];
    struct iovec iov = { buf, sizeof buf };
    CHECK_ERR(syscall(SYS_preadv2, p[0], &iov, 1, -1L, 0L, RWF_NOWAIT), EAGAIN);
    CHECK(write(p[1], "hey", 3) == 3);
    CHECK(syscall(SYS_preadv2, p[0], &iov, 1, -1L, 0L, RWF_NOWAIT) == 3);
    CHECK_ERR(syscall(SYS_preadv2, p[0], &iov, 1, 0L, 0L, 0), ESPIPE);
    close(p[0]);
    close(p[1]);
    return 0;
}
