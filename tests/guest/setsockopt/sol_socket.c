/* SOL_SOCKET options on AF_UNIX: buffer sizes stored doubled with Linux's floor and
 * ceiling, SO_RCVTIMEO expiring with EAGAIN, lengths cut and written back, and the
 * errors: short values EINVAL, unknown names ENOPROTOOPT, read-only ones too,
 * other levels EOPNOTSUPP. */
#include "guest.h"
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>

int main(void)
{
    int sv[2], v;
    socklen_t len;
    char b;

    CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    v = 10000;
    CHECK_OK(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &v, sizeof v));
    len = sizeof v;
    CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &v, &len));
    CHECK(v == 20000 && len == sizeof v);
    v = 1;
    CHECK_OK(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &v, sizeof v));
    CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &v, &len));
    CHECK(v == 4608);
    v = 1;
    CHECK_OK(setsockopt(sv[0], SOL_SOCKET, SO_RCVBUF, &v, sizeof v));
    CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_RCVBUF, &v, &len));
    CHECK(v == 2304);
    v = 1;
    CHECK_OK(setsockopt(sv[0], SOL_SOCKET, SO_REUSEADDR, &v, sizeof v));
    CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_REUSEADDR, &v, &len));
    CHECK(v == 1);
    CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_ERROR, &v, &len));
    CHECK(v == 0);
    /* A short length: the first bytes, and the short length back. */
    unsigned char c = 0xff;
    len = 1;
    CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &c, &len));
    CHECK(len == 1 && c == SOCK_STREAM);

    CHECK_ERR(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &v, 2), EINVAL);
    CHECK_ERR(setsockopt(sv[0], SOL_SOCKET, 9999, &v, sizeof v), ENOPROTOOPT);
    CHECK_ERR(setsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, sizeof v), ENOPROTOOPT);
    CHECK_ERR(setsockopt(sv[0], SOL_SOCKET, SO_ERROR, &v, sizeof v), ENOPROTOOPT);
    len = sizeof v;
    CHECK_ERR(getsockopt(sv[0], SOL_SOCKET, 9999, &v, &len), ENOPROTOOPT);
    CHECK_ERR(syscall(SYS_getsockopt, sv[0], SOL_SOCKET, SO_TYPE, &v, BAD_PTR), EFAULT);
    CHECK_ERR(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, BAD_PTR, sizeof v), EFAULT);
    CHECK_ERR(setsockopt(sv[0], 6 /* IPPROTO_TCP */, 1, &v, sizeof v), EOPNOTSUPP);

    /* Receive timeout. */
    struct timeval tv = { 0, 50000 }, got;
    CHECK_ERR(setsockopt(sv[1], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv - 1), EINVAL);
    struct timeval badtv = { 0, 1000000 };
    CHECK_ERR(setsockopt(sv[1], SOL_SOCKET, SO_RCVTIMEO, &badtv, sizeof badtv), EDOM);
    CHECK_OK(setsockopt(sv[1], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv));
    len = sizeof got;
    CHECK_OK(getsockopt(sv[1], SOL_SOCKET, SO_RCVTIMEO, &got, &len));
    /* Linux keeps it in jiffies: 50 ms reads back as 52 ms at HZ=250. */
    CHECK(len == sizeof got && got.tv_sec == 0 && got.tv_usec >= 50000 &&
          got.tv_usec < 60000);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    CHECK_ERR(read(sv[1], &b, 1), EAGAIN);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    CHECK(ms >= 45);

    /* Linger. */
    struct linger lg = { 1, 5 }, lg2;
    CHECK_OK(setsockopt(sv[0], SOL_SOCKET, SO_LINGER, &lg, sizeof lg));
    len = sizeof lg2;
    CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_LINGER, &lg2, &len));
    CHECK(lg2.l_onoff == 1 && lg2.l_linger == 5 && len == sizeof lg2);
    return 0;
}
