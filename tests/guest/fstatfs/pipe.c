/* fstatfs of a pipe reports pipefs (PIPEFS_MAGIC); a closed descriptor is EBADF. */
#include "guest.h"
#include <sys/statfs.h>

int main(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    struct statfs sf;
    CHECK_OK(fstatfs(p[0], &sf));
    CHECK(sf.f_type == 0x50495045);
    CHECK_ERR(fstatfs(closed_fd(), &sf), EBADF);
    close(p[0]);
    close(p[1]);
    return 0;
}
