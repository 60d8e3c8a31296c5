/* An unprivileged F_SETPIPE_SZ past /proc/sys/fs/pipe-max-size (1 MiB) is EPERM;
 * up to it is allowed; above 2 GiB is EINVAL. */
#include "guest.h"

#ifndef F_SETPIPE_SZ
#define F_SETPIPE_SZ 1031
#define F_GETPIPE_SZ 1032
#endif

static void user(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    CHECK(fcntl(p[0], F_SETPIPE_SZ, 1 << 20) == 1 << 20);
    CHECK_ERR(fcntl(p[0], F_SETPIPE_SZ, (1 << 20) + 1), EPERM);
    CHECK_ERR(fcntl(p[0], F_SETPIPE_SZ, 0x80000001u), EINVAL);
    CHECK(fcntl(p[0], F_GETPIPE_SZ) == 1 << 20);
}

int main(void)
{
    run_as_user(user);
    return 0;
}
