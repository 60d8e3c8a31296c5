/* Open file description locks (F_OFD_*) belong to the description: two opens in
 * one process conflict, a dup shares; F_OFD_GETLK reports l_pid -1; l_pid must be 0
 * (EINVAL); they conflict with POSIX locks of the same process and go with the
 * last close of their description. */
#include "guest.h"

static int lk(int fd, int cmd, short type, struct flock *out)
{
    struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10 };
    int r = fcntl(fd, cmd, &fl);
    if (out)
        *out = fl;
    return r;
}

#ifndef F_OFD_GETLK
#define F_OFD_GETLK 36
#define F_OFD_SETLK 37
#define F_OFD_SETLKW 38
#endif

int main(void)
{
    const char *f = tmp_path("fcntl-ofd");
    make_file(f, "", 0);
    int a = CHECK_OK(open(f, O_RDWR));
    int b = CHECK_OK(open(f, O_RDWR));
    int a2 = CHECK_OK(dup(a));
    CHECK_OK(lk(a, F_OFD_SETLK, F_WRLCK, NULL));
    CHECK_OK(lk(a2, F_OFD_SETLK, F_WRLCK, NULL));
    CHECK_ERR(lk(b, F_OFD_SETLK, F_RDLCK, NULL), EAGAIN);
    CHECK_ERR(lk(b, F_SETLK, F_RDLCK, NULL), EAGAIN);
    struct flock fl;
    CHECK_OK(lk(b, F_OFD_GETLK, F_RDLCK, &fl));
    CHECK(fl.l_type == F_WRLCK && fl.l_pid == -1);
    CHECK_OK(lk(b, F_GETLK, F_RDLCK, &fl));
    CHECK(fl.l_type == F_WRLCK && fl.l_pid == -1);
    struct flock bad = { .l_type = F_RDLCK, .l_whence = SEEK_SET, .l_len = 1, .l_pid = 1 };
    CHECK_ERR(fcntl(b, F_OFD_SETLK, &bad), EINVAL);
    close(a);
    CHECK_ERR(lk(b, F_OFD_SETLK, F_RDLCK, NULL), EAGAIN);
    close(a2);
    CHECK_OK(lk(b, F_OFD_SETLK, F_RDLCK, NULL));
    close(b);
    return 0;
}
